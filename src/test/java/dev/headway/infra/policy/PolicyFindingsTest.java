package dev.headway.infra.policy;

import dev.headway.infra.testing.Plans;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What each rule says, not only whom it flags: the readings behind a finding (firewall protocols
 * and port ranges, who a federated account is, which env a rule applies in, a dead-letter topic
 * named by path or by URN) and the problem text a reviewer reads in {@code check}. Each case is a
 * crafted plan and every {@code name: problem} the rule must report for it, in any order (none
 * when it must stay quiet).
 */
class PolicyFindingsTest {
    record Finding(String policy, String behaviour, String plan, List<String> flagged) {
        @Override
        public String toString() {
            return policy + " " + behaviour;
        }
    }

    private static final String WORLD = "direction: 'INGRESS', sourceRanges: ['0.0.0.0/0']";
    private static final String SA = "serviceAccount:hw-dev-batch@headway-dev.iam.gserviceaccount.com";
    /** Exactly 80 characters: shown whole. */
    private static final String PATH_80 = "gs://headway-live-hw-dataflow-staging/templates/feed-to-bigquery-2026-11-30.json";
    /** 81 characters: cut to 77 and "...". */
    private static final String PATH_81 = "gs://headway-live-hw-dataflow-staging/templates/feed-to-bigquery-2026-11-30a.json";
    /** A plan for a non-review stack that would break every review-stack rule. */
    private static final String DEV_WITH_REVIEW_BREAKS = """
            {env: 'dev', resources: [
              {type: 'gcp:pubsub/subscription:Subscription', name: 'sub', inputs: {topic: 'projects/headway-live/topics/hw-prod-feed'}},
              {type: 'gcp:container/cluster:Cluster', name: 'gke', inputs: {name: 'hw-dev-training'}},
              {type: 'gcp:iam/workloadIdentityPool:WorkloadIdentityPool', name: 'pool', inputs: {workloadIdentityPoolId: 'hw-dev-ci'}}]}
            """;

    static Stream<Finding> findings() {
        return Stream.of(
                // VPC firewall rules (https://cloud.google.com/firewall/docs/firewalls#protocols_and_ports): a protocol
                // is a name or its IANA number (6 tcp, 17 udp); "all", or tcp/udp/sctp without ports, covers every port.
                new Finding("HW-NET-001", "reads all, tcp without ports and IANA number 6 as opening port 22; udp and icmp do not", """
                        {resources: [
                          {type: 'gcp:compute/firewall:Firewall', name: 'bad-all', inputs: {%1$s, allows: [{protocol: 'all'}]}},
                          {type: 'gcp:compute/firewall:Firewall', name: 'bad-tcp', inputs: {%1$s, allows: [{protocol: 'tcp'}]}},
                          {type: 'gcp:compute/firewall:Firewall', name: 'bad-six', inputs: {%1$s, allows: [{protocol: '6', ports: ['20-23']}]}},
                          {type: 'gcp:compute/firewall:Firewall', name: 'udp', inputs: {%1$s, allows: [{protocol: 'udp', ports: ['22']}]}},
                          {type: 'gcp:compute/firewall:Firewall', name: 'udp-number', inputs: {%1$s, allows: [{protocol: '17', ports: ['22']}]}},
                          {type: 'gcp:compute/firewall:Firewall', name: 'icmp', inputs: {%1$s, allows: [{protocol: 'icmp'}]}}]}
                        """.formatted(WORLD), List.of(
                        "bad-all: allows SSH (all/22) from the internet",
                        "bad-tcp: allows SSH (tcp/22) from the internet",
                        "bad-six: allows SSH (tcp/22) from the internet")),
                new Finding("HW-NET-003", "flags every port of tcp/udp (also by number) from the internet, not icmp, not internal sources", """
                        {resources: [
                          {type: 'gcp:compute/firewall:Firewall', name: 'bad-udp', inputs: {%1$s, allows: [{protocol: '17'}]}},
                          {type: 'gcp:compute/firewall:Firewall', name: 'bad-tcp', inputs: {%1$s, allows: [{protocol: 'tcp'}]}},
                          {type: 'gcp:compute/firewall:Firewall', name: 'bad-range', inputs: {%1$s, allows: [{protocol: 'tcp', ports: ['1-65535']}]}},
                          {type: 'gcp:compute/firewall:Firewall', name: 'some-ports', inputs: {%1$s, allows: [{protocol: 'tcp', ports: ['443', '8000-9000']}]}},
                          {type: 'gcp:compute/firewall:Firewall', name: 'icmp', inputs: {%1$s, allows: [{protocol: 'icmp'}]}},
                          {type: 'gcp:compute/firewall:Firewall', name: 'internal', inputs: {direction: 'INGRESS', sourceRanges: ['10.128.0.0/9'],
                            allows: [{protocol: 'all'}]}}]}
                        """.formatted(WORLD), List.of(
                        "bad-udp: allows udp on every port from the internet",
                        "bad-tcp: allows tcp on every port from the internet",
                        "bad-range: allows tcp on every port from the internet")),

                new Finding("HW-REV-002", "judges review stacks only", DEV_WITH_REVIEW_BREAKS, List.of()),
                new Finding("HW-REV-003", "judges review stacks only", DEV_WITH_REVIEW_BREAKS, List.of()),
                new Finding("HW-REV-004", "judges review stacks only", DEV_WITH_REVIEW_BREAKS, List.of()),
                new Finding("HW-REV-002", "names the production resource or the foreign project, values cut at 80 characters", """
                        {env: 'pr-7', tier: 'dev', resources: [
                          {type: 'gcp:bigquery/datasetIamMember:DatasetIamMember', name: 'bad-prod-name',
                           inputs: {datasetId: 'hw_prod_raw', role: 'roles/bigquery.dataViewer', member: 'group:ml@headway.dev'}},
                          {type: 'gcp:dataflow/flexTemplateJob:FlexTemplateJob', name: 'bad-80', inputs: {name: 'hw-pr-7-feed', containerSpecGcsPath: '%s'}},
                          {type: 'gcp:dataflow/flexTemplateJob:FlexTemplateJob', name: 'bad-81', inputs: {name: 'hw-pr-7-feed', containerSpecGcsPath: '%s'}}]}
                        """.formatted(PATH_80, PATH_81), List.of(
                        "bad-prod-name: names a production resource: hw_prod_raw",
                        "bad-80: references project headway-live, not its own (headway-pr-7): " + PATH_80,
                        "bad-81: references project headway-live, not its own (headway-pr-7): "
                                + "gs://headway-live-hw-dataflow-staging/templates/feed-to-bigquery-2026-11-30a." + "...")), // 77 characters, then ...

                // pulumi-gcp 7.0.0 container NodePool nodeConfig.guestAccelerators; zones from the GPU table
                new Finding("HW-PRV-001", "says which zones of the region offer the GPU, and skips accelerators the table does not know", """
                        {resources: [
                          {type: 'gcp:container/nodePool:NodePool', name: 'bad-a100', inputs: {nodeLocations: ['us-east1-c'],
                            nodeConfig: {machineType: 'a2-highgpu-1g', guestAccelerators: [{type: 'nvidia-tesla-a100', count: 1}]}}},
                          {type: 'gcp:container/nodePool:NodePool', name: 'bad-t4', inputs: {nodeLocations: ['us-east1-b'],
                            nodeConfig: {machineType: 'n1-standard-8', guestAccelerators: [{type: 'nvidia-tesla-t4', count: 1}]}}},
                          {type: 'gcp:container/nodePool:NodePool', name: 'bad-v100', inputs: {nodeLocations: ['us-central1-a'],
                            nodeConfig: {machineType: 'n1-standard-8', guestAccelerators: [{type: 'nvidia-tesla-v100', count: 1}]}}},
                          {type: 'gcp:container/nodePool:NodePool', name: 'unknown-gpu', inputs: {nodeLocations: ['us-east1-c'],
                            nodeConfig: {machineType: 'n1-standard-8', guestAccelerators: [{type: 'nvidia-tesla-p4', count: 1}]}}}]}
                        """, List.of(
                        "bad-a100: us-east1-c does not offer NVIDIA_TESLA_A100 (offered in us-east1-b)",
                        "bad-t4: us-east1-b does not offer NVIDIA_TESLA_T4 (offered in us-east1-c, us-east1-d)",
                        "bad-v100: us-central1-a does not offer NVIDIA_TESLA_V100 (offered in no zone of that region)")),
                // terraform-provider-google-beta v5.0.0 resource_container_cluster.go: an empty master_authorized_networks_config
                // block (no cidr_blocks) turns authorized networks on with none; no block (null) leaves them off
                new Finding("HW-PRV-002", "tells an empty authorized-network list from private-only ranges; a null config is no config", """
                        {resources: [
                          {type: 'gcp:container/cluster:Cluster', name: 'empty', inputs: {masterAuthorizedNetworksConfig: {cidrBlocks: []}}},
                          {type: 'gcp:container/cluster:Cluster', name: 'no-blocks', inputs: {masterAuthorizedNetworksConfig: {}}},
                          {type: 'gcp:container/cluster:Cluster', name: 'private', inputs: {masterAuthorizedNetworksConfig: {cidrBlocks: [{cidrBlock: '10.0.0.0/24'}]}}},
                          {type: 'gcp:container/cluster:Cluster', name: 'null', inputs: {masterAuthorizedNetworksConfig: null}},
                          {type: 'pulumi:providers:kubernetes', name: 'bad-empty', inputs: {kubeconfig: '[unknown]'},
                            propertyDependencies: {kubeconfig: ['urn:pulumi:dev::headway::gcp:container/cluster:Cluster::empty']}},
                          {type: 'pulumi:providers:kubernetes', name: 'bad-no-blocks', inputs: {kubeconfig: '[unknown]'},
                            propertyDependencies: {kubeconfig: ['urn:pulumi:dev::headway::gcp:container/cluster:Cluster::no-blocks']}},
                          {type: 'pulumi:providers:kubernetes', name: 'bad-private', inputs: {kubeconfig: '[unknown]'},
                            propertyDependencies: {kubeconfig: ['urn:pulumi:dev::headway::gcp:container/cluster:Cluster::private']}},
                          {type: 'pulumi:providers:kubernetes', name: 'ok-null', inputs: {kubeconfig: '[unknown]'},
                            propertyDependencies: {kubeconfig: ['urn:pulumi:dev::headway::gcp:container/cluster:Cluster::null']}}]}
                        """, List.of(
                        "bad-empty: cluster empty: authorized networks are on with an empty list: no network reaches the control plane",
                        "bad-no-blocks: cluster no-blocks: authorized networks are on with an empty list: no network reaches the control plane",
                        "bad-private: cluster private: only private ranges are authorized; they cannot reach the public endpoint the kubeconfig names")),
                new Finding("HW-PRV-003", "judges workloads that name their account (HW-IAM-006 judges the rest); a grant on an unknown repository proves nothing", """
                        {resources: [
                          {type: 'gcp:artifactregistry/repositoryIamMember:RepositoryIamMember', name: 'pull-on-unknown', inputs: {repository: '[unknown]',
                            role: 'roles/artifactregistry.reader', member: 'serviceAccount:run@p.iam.gserviceaccount.com'}},
                          {type: 'gcp:cloudrunv2/job:Job', name: 'bad-run', inputs: {template: {template: {serviceAccount: 'run@p.iam.gserviceaccount.com',
                            containers: [{image: 'us-east1-docker.pkg.dev/p/hw-dev-training/batch:1.2.0'}]}}}},
                          {type: 'gcp:cloudrunv2/job:Job', name: 'no-account', inputs: {template: {template: {
                            containers: [{image: 'us-east1-docker.pkg.dev/p/hw-dev-training/batch:1.2.0'}]}}}}]}
                        """, List.of(
                        "bad-run: run@p.iam.gserviceaccount.com may not pull us-east1-docker.pkg.dev/p/hw-dev-training/batch:1.2.0")),

                new Finding("HW-LBL-001", "names the missing labels, or the one with the wrong value", """
                        {env: 'dev', resources: [
                          {type: 'gcp:storage/bucket:Bucket', name: 'bad-missing', inputs: {labels: {app: 'headway', env: 'dev'}}},
                          {type: 'gcp:storage/bucket:Bucket', name: 'bad-env', inputs: {labels: {app: 'headway', env: 'prod', component: 'lake', 'managed-by': 'pulumi'}}}]}
                        """, List.of(
                        "bad-missing: labels lack component, managed-by",
                        "bad-env: labels.env is \"prod\", expected \"dev\"")),
                // https://cloud.google.com/resource-manager/docs/labels-overview#requirements: at most 64 labels
                new Finding("HW-LBL-002", "allows 64 labels, not 65; types without labels are skipped", """
                        {resources: [
                          {type: 'gcp:storage/bucket:Bucket', name: 'bad-65', inputs: {labels: %s}},
                          {type: 'gcp:storage/bucket:Bucket', name: 'ok-64', inputs: {labels: %s}},
                          {type: 'gcp:serviceaccount/account:Account', name: 'sa', inputs: {accountId: 'hw-dev-batch'}}]}
                        """.formatted(labels(65), labels(64)), List.of(
                        "bad-65: has 65 labels (at most 64)")),

                new Finding("HW-IAM-008", "wants the owner's id as well as the repository's", """
                        {resources: [{type: 'gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider', name: 'bad-repo-id-only',
                          inputs: {attributeCondition: "assertion.repository_id == '714250931'", oidc: {issuerUri: 'https://token.actions.githubusercontent.com'}}}]}
                        """, List.of(
                        "bad-repo-id-only: trusts GitHub Actions without pinning the repository and owner by their immutable ids "
                                + "(condition: assertion.repository_id == '714250931')")),
                new Finding("HW-IAM-006", "judges an Autopilot cluster's node account (autoProvisioningDefaults), not a cluster without its default pool", """
                        {resources: [
                          {type: 'gcp:container/cluster:Cluster', name: 'bad-autopilot', inputs: {enableAutopilot: true}},
                          {type: 'gcp:container/cluster:Cluster', name: 'ok-autopilot', inputs: {enableAutopilot: true,
                            clusterAutoscaling: {autoProvisioningDefaults: {serviceAccount: 'hw-dev-gke@p.iam.gserviceaccount.com'}}}},
                          {type: 'gcp:container/cluster:Cluster', name: 'pools-elsewhere', inputs: {removeDefaultNodePool: true}}]}
                        """, List.of(
                        "bad-autopilot: sets no clusterAutoscaling.autoProvisioningDefaults.serviceAccount, so it runs as the default compute "
                                + "service account (Editor on the project)")),
                new Finding("HW-IAM-009", "says when a condition cannot help; an admin role on one account is not project-wide", """
                        {resources: [
                          {type: 'gcp:projects/iAMMember:IAMMember', name: 'bad', inputs: {project: 'p', role: 'roles/secretmanager.admin', member: '%1$s'}},
                          {type: 'gcp:projects/iAMMember:IAMMember', name: 'bad-conditioned', inputs: {project: 'p', role: 'roles/iam.securityAdmin', member: '%1$s',
                            condition: {title: 't', expression: "api.getAttribute('iam.googleapis.com/modifiedGrantsByRole', []).hasOnly(['roles/pubsub.viewer'])"}}},
                          {type: 'gcp:serviceaccount/iAMMember:IAMMember', name: 'one-account', inputs: {role: 'roles/iam.serviceAccountAdmin', member: '%1$s',
                            serviceAccountId: 'projects/p/serviceAccounts/hw-dev-serving@p.iam.gserviceaccount.com'}}]}
                        """.formatted(SA), List.of(
                        "bad: grants roles/secretmanager.admin on the whole project to " + SA + ": it can widen its own access",
                        "bad-conditioned: grants roles/iam.securityAdmin on the whole project to " + SA
                                + " (its condition cannot limit to whom it grants): it can widen its own access")),
                // IAM principal identifiers (https://cloud.google.com/iam/docs/principal-identifiers): principal:// is one
                // federated identity, principalSet:// many; serviceAccount:<project>.svc.id.goog[...] is GKE Workload Identity
                new Finding("HW-IAM-010", "counts a single federated principal as ungated, not a GKE workload", """
                        {resources: [
                          {type: 'gcp:serviceaccount/iAMMember:IAMMember', name: 'wif', inputs: {role: 'roles/iam.workloadIdentityUser',
                            serviceAccountId: 'projects/p/serviceAccounts/hw-dev-previewer@p.iam.gserviceaccount.com',
                            member: 'principal://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/hw-dev-ci/subject/repo:o/r:pull_request'}},
                          {type: 'gcp:serviceaccount/iAMMember:IAMMember', name: 'gke', inputs: {role: 'roles/iam.workloadIdentityUser',
                            serviceAccountId: 'projects/p/serviceAccounts/hw-dev-training@p.iam.gserviceaccount.com',
                            member: 'serviceAccount:p.svc.id.goog[training/trainer]'}},
                          {type: 'gcp:bigquery/datasetIamMember:DatasetIamMember', name: 'bad-previewer', inputs: {datasetId: 'd', role: 'roles/bigquery.dataViewer',
                            member: 'serviceAccount:hw-dev-previewer@p.iam.gserviceaccount.com'}},
                          {type: 'gcp:bigquery/datasetIamMember:DatasetIamMember', name: 'trainer', inputs: {datasetId: 'd', role: 'roles/bigquery.dataViewer',
                            member: 'serviceAccount:hw-dev-training@p.iam.gserviceaccount.com'}}]}
                        """, List.of(
                        "bad-previewer: grants roles/bigquery.dataViewer to serviceAccount:hw-dev-previewer@p.iam.gserviceaccount.com, "
                                + "which tokens outside the deploy gate (any workflow, branch or pull request) can become")),

                new Finding("HW-RET-004", "says whether it is protected, retained or both", """
                        {env: 'dev', resources: [
                          {type: 'gcp:bigquery/dataset:Dataset', name: 'bad-both', protect: true, retainOnDelete: true},
                          {type: 'gcp:bigquery/dataset:Dataset', name: 'bad-protected', protect: true},
                          {type: 'gcp:bigquery/dataset:Dataset', name: 'bad-retained', retainOnDelete: true},
                          {type: 'gcp:bigquery/dataset:Dataset', name: 'ok'}]}
                        """, List.of(
                        "bad-both: is protected and retained on delete in dev: pulumi destroy -s dev leaves it behind",
                        "bad-protected: is protected in dev: pulumi destroy -s dev leaves it behind",
                        "bad-retained: is retained on delete in dev: pulumi destroy -s dev leaves it behind")),
                new Finding("HW-RET-006", "is prod-only (dev turns deletion protection off)", """
                        {env: 'dev', resources: [
                          {type: 'gcp:firestore/database:Database', name: 'db', inputs: {deleteProtectionState: 'DELETE_PROTECTION_DISABLED'}},
                          {type: 'gcp:bigquery/table:Table', name: 't', inputs: {deletionProtection: false}}]}
                        """, List.of()),

                // Pub/Sub subscription expirationPolicy: unset means 31 days; ttl "" never expires
                new Finding("HW-PS-003", "says when the subscription expires", """
                        {resources: [
                          {type: 'gcp:pubsub/subscription:Subscription', name: 'bad-default'},
                          {type: 'gcp:pubsub/subscription:Subscription', name: 'bad-day', inputs: {expirationPolicy: {ttl: '86400s'}}},
                          {type: 'gcp:pubsub/subscription:Subscription', name: 'ok', inputs: {expirationPolicy: {ttl: ''}}}]}
                        """, List.of(
                        "bad-default: expires after 31 idle days (the default): a paused poller would lose the subscription",
                        "bad-day: expires after 86400s: a paused poller would lose the subscription")),
                new Finding("HW-PS-001", "knows a dead-letter topic by its path, its short name or its URN", """
                        {resources: [
                          {type: 'gcp:pubsub/subscription:Subscription', name: 'feed', inputs: {topic: 'projects/headway-dev/topics/hw-dev-feed',
                            deadLetterPolicy: {deadLetterTopic: 'projects/headway-dev/topics/hw-dev-dead'}}},
                          {type: 'gcp:pubsub/subscription:Subscription', name: 'events', inputs: {topic: 'hw-dev-events', deadLetterPolicy: {deadLetterTopic: '[unknown]'}},
                            propertyDependencies: {deadLetterPolicy: ['urn:pulumi:dev::headway::gcp:pubsub/topic:Topic::events-dead']}},
                          {type: 'gcp:pubsub/subscription:Subscription', name: 'dead-by-name', inputs: {topic: 'hw-dev-dead'}},
                          {type: 'gcp:pubsub/subscription:Subscription', name: 'dead-by-urn', inputs: {topic: '[unknown]'},
                            propertyDependencies: {topic: ['urn:pulumi:dev::headway::gcp:pubsub/topic:Topic::events-dead']}},
                          {type: 'gcp:pubsub/subscription:Subscription', name: 'bad-other', inputs: {topic: 'projects/headway-dev/topics/hw-dev-other'}}]}
                        """, List.of(
                        "bad-other: has no dead-letter policy: a poison message is redelivered until it expires")),

                new Finding("HW-BQ-001", "names the role and the public grantee", """
                        {resources: [
                          {type: 'gcp:bigquery/dataset:Dataset', name: 'bad-entry', inputs: {datasetId: 'd',
                            accesses: [{role: 'OWNER', groupByEmail: 'ml@headway.dev'}, {role: 'READER', specialGroup: 'allAuthenticatedUsers'}]}},
                          {type: 'gcp:bigquery/datasetAccess:DatasetAccess', name: 'bad-access', inputs: {datasetId: 'd', role: 'roles/bigquery.dataViewer', iamMember: 'allUsers'}}]}
                        """, List.of(
                        "bad-entry: an accesses entry grants READER to allAuthenticatedUsers",
                        "bad-access: grants roles/bigquery.dataViewer on the dataset to allUsers")),
                new Finding("HW-BQ-002", "flags a table's expiration and its partitions' expiration alike", """
                        {env: 'prod', resources: [
                          {type: 'gcp:bigquery/table:Table', name: 'bad-table', inputs: {expirationTime: 1767225600000}},
                          {type: 'gcp:bigquery/table:Table', name: 'bad-partitions', inputs: {timePartitioning: {type: 'DAY', expirationMs: 86400000}}},
                          {type: 'gcp:bigquery/table:Table', name: 'ok', inputs: {timePartitioning: {type: 'DAY'}}}]}
                        """, List.of(
                        "bad-table: expires (expirationTime or timePartitioning.expirationMs) in prod",
                        "bad-partitions: expires (expirationTime or timePartitioning.expirationMs) in prod")),

                new Finding("HW-VM-001", "names the interface that has the external IP", """
                        {resources: [{type: 'gcp:compute/instance:Instance', name: 'bad', inputs: {networkInterfaces: [
                          {subnetwork: 'internal'}, {subnetwork: 'edge', accessConfigs: [{natIp: ''}]}]}}]}
                        """, List.of(
                        "bad: networkInterfaces[1] has an accessConfig (an external IP)")),
                // Compute Engine Shielded VM: vTPM and integrity monitoring default on, secure boot off
                new Finding("HW-VM-002", "flags vTPM or integrity monitoring turned off, each alone", """
                        {resources: [
                          {type: 'gcp:compute/instance:Instance', name: 'bad-no-vtpm', inputs: {shieldedInstanceConfig: {enableSecureBoot: true, enableVtpm: false}}},
                          {type: 'gcp:compute/instance:Instance', name: 'bad-no-integrity', inputs: {shieldedInstanceConfig: {enableSecureBoot: true, enableIntegrityMonitoring: false}}},
                          {type: 'gcp:compute/instance:Instance', name: 'ok', inputs: {shieldedInstanceConfig: {enableSecureBoot: true}}}]}
                        """, List.of(
                        "bad-no-vtpm: is not fully shielded (secure boot off, or vTPM / integrity monitoring turned off)",
                        "bad-no-integrity: is not fully shielded (secure boot off, or vTPM / integrity monitoring turned off)")),

                new Finding("HW-AR-002", "is prod-only (dev may move tags)", """
                        {env: 'dev', resources: [{type: 'gcp:artifactregistry/repository:Repository', name: 'repo', inputs: {repositoryId: 'hw-dev-training', format: 'DOCKER'}}]}
                        """, List.of()),
                // Cloud Storage public access prevention: unset means "inherited" from the project or organization
                new Finding("HW-GCS-002", "says whether prevention is unset or set to inherited", """
                        {resources: [
                          {type: 'gcp:storage/bucket:Bucket', name: 'bad-unset', inputs: {name: 'p-hw-dev-root'}},
                          {type: 'gcp:storage/bucket:Bucket', name: 'bad-inherited', inputs: {name: 'p-hw-dev-x', publicAccessPrevention: 'inherited'}}]}
                        """, List.of(
                        "bad-unset: public access prevention is not set (inherited)",
                        "bad-inherited: public access prevention is \"inherited\"")));
    }

    private static String labels(int count) {
        return IntStream.range(0, count).mapToObj(i -> "l" + i + ": 'v'").collect(Collectors.joining(", ", "{", "}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("findings")
    void reportsWhatTheRuleSays(Finding c) {
        Policy policy = PolicySuite.standard().byId(c.policy()).orElseThrow(() -> new AssertionError("no policy " + c.policy()));
        List<String> flagged = policy.check(Plans.of(c.plan())).stream().map(v -> v.name() + ": " + v.problem()).sorted().toList();
        assertEquals(c.flagged().stream().sorted().toList(), flagged);
    }
}
