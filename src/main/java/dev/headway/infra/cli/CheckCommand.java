package dev.headway.infra.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headway.infra.UserError;
import dev.headway.infra.policy.Policy;
import dev.headway.infra.policy.PolicySuite;
import dev.headway.infra.policy.Violation;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlanJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Run the policy suite over the stack's offline synth (or a saved plan). "
                + "Exit 0 when clean, 1 on violations; --list prints the policies.")
final class CheckCommand implements Callable<Integer> {
    enum Format { text, json }

    @Parameters(index = "0", arity = "0..1", paramLabel = "<stack>", description = "Stack name: reads Pulumi.<stack>.yaml")
    String stack;

    @Option(names = "--list", description = "Print one line per policy: id, severity, what it guards")
    boolean list;

    @Option(names = "--config-file", paramLabel = "F", description = "Read stack config from F instead of Pulumi.<stack>.yaml")
    Path configFile;

    @Option(names = "--plan", paramLabel = "F", description = "Check a saved plan (synth --format json) instead of synthesizing")
    Path planFile;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    Format format;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PolicySuite suite = PolicySuite.standard();
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            for (Policy p : suite.policies()) {
                out.printf("%-10s %-6s %s (%s)%n", p.id(), p.severity(), p.guards(), p.reference());
            }
            out.flush();
            return 0;
        }
        if (stack == null && planFile == null) {
            throw new UserError(UserError.USAGE, "check: a stack is required (such as dev or prod), or --list, or --plan F");
        }
        Plan plan = planFile != null ? PlanJson.read(planFile) : Stacks.synth(stack, configFile);
        List<Violation> violations = suite.check(plan);
        if (format == Format.json) {
            out.print(json(plan, suite, violations));
        } else {
            violations.forEach(v -> out.println(v.line()));
            long resources = violations.stream().map(Violation::urn).distinct().count();
            out.println(plan.stack() + ": " + suite.policies().size() + " policies, " + plan.cloudResources().size() + " resources, "
                    + (violations.isEmpty() ? "no violations" : violations.size() + " violation(s) in " + resources + " resource(s)"));
        }
        out.flush();
        return violations.isEmpty() ? 0 : 1;
    }

    private static String json(Plan plan, PolicySuite suite, List<Violation> violations) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("stack", plan.stack());
        root.put("policies", suite.policies().size());
        root.put("resources", plan.cloudResources().size());
        ArrayNode list = root.putArray("violations");
        for (Violation v : violations) {
            ObjectNode o = list.addObject();
            o.put("policy", v.policy());
            o.put("severity", v.severity().name());
            o.put("type", v.type());
            o.put("name", v.name());
            o.put("urn", v.urn());
            o.put("problem", v.problem());
            o.put("fix", v.fix());
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
