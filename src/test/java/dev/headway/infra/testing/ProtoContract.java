package dev.headway.infra.testing;

import com.google.api.FieldBehavior;
import com.google.api.FieldBehaviorProto;
import com.google.api.ResourceDescriptor;
import com.google.api.ResourceProto;
import com.google.api.ResourceReference;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Message;
import io.grpc.Status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a Google API refuses, read from the request's own proto descriptors (the ones compiled into the client
 * jar), for any message: {@code google.api.field_behavior} (google/api/field_behavior.proto) and
 * {@code google.api.resource_reference} / {@code google.api.resource} (google/api/resource.proto).
 *
 * <ul>
 *   <li>REQUIRED: a required field left unset is INVALID_ARGUMENT (AIP-203), checked through nested messages that
 *       are set;</li>
 *   <li>OUTPUT_ONLY: set by the service; a request that sets one is refused (AIP-203 lets a service ignore or
 *       refuse it; refusing is the strict reading, so a client that relies on it being ignored fails here);</li>
 *   <li>IMMUTABLE: an update mask may not name an immutable (or output-only) field (AIP-203, AIP-134);</li>
 *   <li>a string field that references a resource type must match one of that type's name patterns
 *       ({@code child_type}: a pattern of a parent of that type), else INVALID_ARGUMENT (AIP-122).</li>
 * </ul>
 * Resource types are found generically in the descriptors reachable from the request: messages carrying
 * {@code google.api.resource} and files carrying {@code google.api.resource_definition}.
 */
public final class ProtoContract {
    private static final Map<String, List<String>> PATTERNS = new HashMap<>();
    private static final Set<String> SCANNED = new HashSet<>();

    private ProtoContract() {
    }

    /** Checks a create (or any non-update) request; throws INVALID_ARGUMENT naming the first broken rule. */
    public static void check(Message request) {
        List<String> problems = new ArrayList<>();
        walk(request, "", true, problems);
        fail(problems);
    }

    /**
     * Checks an update request (AIP-134): the request's own REQUIRED fields are set, the resource's name matches its
     * type's pattern, and the mask names only fields that exist and are neither output-only nor immutable. Only
     * the masked fields of the resource are read, so its other fields (REQUIRED ones included) are not checked.
     */
    public static void checkUpdate(Message request, String resourceField, FieldMask mask) {
        List<String> problems = new ArrayList<>();
        for (FieldDescriptor f : request.getDescriptorForType().getFields()) {
            boolean set = f.isRepeated() ? request.getRepeatedFieldCount(f) > 0 : request.hasField(f);
            if (behaviors(f).contains(FieldBehavior.REQUIRED) && !set) {
                problems.add(f.getName() + " is required");
            }
        }
        FieldDescriptor resource = request.getDescriptorForType().findFieldByName(resourceField);
        Message sent = (Message) request.getField(resource);
        Descriptor type = resource.getMessageType();
        if (type.getOptions().hasExtension(ResourceProto.resource)) {
            ResourceDescriptor d = type.getOptions().getExtension(ResourceProto.resource);
            String name = (String) sent.getField(type.findFieldByName(d.getNameField().isEmpty() ? "name" : d.getNameField()));
            if (d.getPatternList().stream().noneMatch(p -> regex(p).matcher(name).matches())) {
                problems.add(resourceField + ".name \"" + name + "\" is not a " + d.getType() + " name (" + d.getPatternList() + ")");
            }
        }
        for (String path : mask.getPathsList()) {
            FieldDescriptor f = field(type, path);
            if (f == null) {
                problems.add("update_mask: " + path + " is not a field of " + type.getName());
            } else if (behaviors(f).contains(FieldBehavior.OUTPUT_ONLY) || behaviors(f).contains(FieldBehavior.IMMUTABLE)) {
                problems.add("update_mask: " + path + " is " + (behaviors(f).contains(FieldBehavior.IMMUTABLE) ? "immutable" : "output only"));
            }
        }
        fail(problems);
    }

    public static List<FieldBehavior> behaviors(FieldDescriptor f) {
        return f.getOptions().getExtension(FieldBehaviorProto.fieldBehavior);
    }

    /** The name patterns of a resource type ({@code aiplatform.googleapis.com/Endpoint}), from the descriptors. */
    public static List<String> patterns(FileDescriptor from, String type) {
        scan(from);
        return PATTERNS.getOrDefault(type, List.of());
    }

    private static void fail(List<String> problems) {
        if (!problems.isEmpty()) {
            throw Status.INVALID_ARGUMENT.withDescription(String.join("; ", problems)).asRuntimeException();
        }
    }

    private static FieldDescriptor field(Descriptor type, String dottedPath) {
        Descriptor t = type;
        FieldDescriptor f = null;
        for (String part : dottedPath.split("\\.")) {
            if (t == null) {
                return null;
            }
            f = t.findFieldByName(part);
            if (f == null) {
                return null;
            }
            t = f.getJavaType() == FieldDescriptor.JavaType.MESSAGE ? f.getMessageType() : null;
        }
        return f;
    }

    private static void walk(Message m, String prefix, boolean outputOnlyRefused, List<String> problems) {
        for (FieldDescriptor f : m.getDescriptorForType().getFields()) {
            String path = prefix + f.getName();
            List<FieldBehavior> behaviors = behaviors(f);
            boolean set = f.isRepeated() ? m.getRepeatedFieldCount(f) > 0 : m.hasField(f);
            if (behaviors.contains(FieldBehavior.REQUIRED) && !set) {
                problems.add(path + " is required");
            }
            if (outputOnlyRefused && behaviors.contains(FieldBehavior.OUTPUT_ONLY) && set) {
                problems.add(path + " is output only");
            }
            if (!set) {
                continue;
            }
            if (f.getJavaType() == FieldDescriptor.JavaType.STRING && !f.isRepeated()
                    && f.getOptions().hasExtension(ResourceProto.resourceReference)) {
                checkName(f, (String) m.getField(f), path, problems);
            }
            if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !f.isMapField()) {
                if (f.isRepeated()) {
                    for (int i = 0; i < m.getRepeatedFieldCount(f); i++) {
                        walk((Message) m.getRepeatedField(f, i), path + "[" + i + "].", outputOnlyRefused, problems);
                    }
                } else if (!f.getMessageType().getFullName().startsWith("google.protobuf.")) {
                    walk((Message) m.getField(f), path + ".", outputOnlyRefused, problems);
                }
            }
        }
    }

    private static void checkName(FieldDescriptor f, String value, String path, List<String> problems) {
        ResourceReference ref = f.getOptions().getExtension(ResourceProto.resourceReference);
        boolean child = ref.getType().isEmpty();
        String type = child ? ref.getChildType() : ref.getType();
        if (type.equals("*")) {
            return;
        }
        List<String> patterns = patterns(f.getFile(), type);
        if (patterns.isEmpty()) {
            return; // a type these descriptors do not define (another API's): nothing to hold the name to
        }
        for (String pattern : patterns) {
            if (regex(child ? parentOf(pattern) : pattern).matcher(value).matches()) {
                return;
            }
        }
        problems.add(path + " \"" + value + "\" is not a " + (child ? "parent of a " : "") + type + " name (" + patterns + ")");
    }

    /** {@code projects/{project}/locations/{location}/endpoints/{endpoint}} to its parent's pattern. */
    private static String parentOf(String pattern) {
        String p = pattern;
        for (int i = 0; i < 2 && p.contains("/"); i++) {
            p = p.substring(0, p.lastIndexOf('/'));
        }
        return p;
    }

    /** A variable matches one segment: letters, digits and {@code -_.~} (no slash, not empty). */
    private static Pattern regex(String pattern) {
        StringBuilder re = new StringBuilder();
        for (String part : pattern.split("(?=\\{)|(?<=\\})")) {
            re.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(re.toString());
    }

    private static synchronized void scan(FileDescriptor file) {
        if (!SCANNED.add(file.getFullName())) {
            return;
        }
        for (ResourceDescriptor d : file.getOptions().getExtension(ResourceProto.resourceDefinition)) {
            PATTERNS.computeIfAbsent(d.getType(), k -> new ArrayList<>()).addAll(d.getPatternList());
        }
        for (Descriptor m : file.getMessageTypes()) {
            scan(m);
        }
        for (FileDescriptor dep : file.getDependencies()) {
            scan(dep);
        }
    }

    private static void scan(Descriptor m) {
        if (m.getOptions().hasExtension(ResourceProto.resource)) {
            ResourceDescriptor d = m.getOptions().getExtension(ResourceProto.resource);
            PATTERNS.computeIfAbsent(d.getType(), k -> new ArrayList<>()).addAll(d.getPatternList());
        }
        m.getNestedTypes().forEach(ProtoContract::scan);
    }
}
