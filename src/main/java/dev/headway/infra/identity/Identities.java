package dev.headway.infra.identity;

import com.pulumi.gcp.serviceaccount.Account;
import com.pulumi.gcp.serviceaccount.AccountArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One service account per workload, no keys (none are ever created: access is through attached
 * accounts and Workload Identity). Access is granted by the components that own the resources.
 */
public final class Identities extends ComponentResource {
    private final Map<Workload, Identity> identities = new EnumMap<>(Workload.class);

    public Identities(String name, IdentitiesArgs args, ComponentResourceOptions opts) {
        super("headway:identity:Identities", name, opts);
        Map<String, com.pulumi.core.Output<?>> outputs = new TreeMap<>();
        for (Workload w : args.workloads) {
            String id = args.names.serviceAccountId(w.purpose());
            Account account = new Account(id, AccountArgs.builder()
                    .project(args.project)
                    .accountId(id)
                    .displayName("Headway " + args.names.env() + " " + w.purpose())
                    .description(w.description())
                    .build(), CustomResourceOptions.builder().parent(this).dependsOn(args.iamApi).build());
            Identity identity = new Identity(w, account, args.project, this, args.resourceManagerApi);
            identities.put(w, identity);
            outputs.put(w.purpose(), account.email());
        }
        registerOutputs(outputs);
    }

    public Identity of(Workload workload) {
        Identity identity = identities.get(workload);
        if (identity == null) {
            throw new IllegalStateException("no service account for " + workload + "; add it to IdentitiesArgs.workloads");
        }
        return identity;
    }
}
