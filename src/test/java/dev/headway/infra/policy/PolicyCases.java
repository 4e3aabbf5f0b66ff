package dev.headway.infra.policy;

import java.util.List;

/**
 * One case per policy: the smallest plan that makes it fire (every resource named bad* must be
 * flagged, nothing else) and one that passes (same types, done right).
 */
final class PolicyCases {
    record Case(String id, String firing, String passing) {
        @Override
        public String toString() {
            return id;
        }
    }

    private PolicyCases() {
    }

    private static final String SA = "'serviceAccount:hw-dev-poller@headway-dev.iam.gserviceaccount.com'";
    private static final String DEFAULT_SA = "'123456789012-compute@developer.gserviceaccount.com'";
    private static final String LABELS = "{app: 'headway', env: 'dev', component: 'streaming', 'managed-by': 'pulumi'}";

    static final List<Case> ALL = java.util.stream.Stream.concat(ProviderPolicyCases.ALL.stream(), java.util.stream.Stream.of(
            new Case("HW-IAM-001", """
                    {resources: [
                      {type: 'gcp:projects/iAMMember:IAMMember', name: 'bad', inputs: {project: 'p', role: 'roles/editor', member: %s}},
                      {type: 'gcp:storage/bucketIAMPolicy:BucketIAMPolicy', name: 'bad-policy',
                       inputs: {bucket: 'b', policyData: '{"bindings":[{"role":"roles/owner","members":["group:ops@headway.dev"]}]}'}}]}
                    """.formatted(SA), """
                    {resources: [
                      {type: 'gcp:projects/iAMMember:IAMMember', name: 'ok', inputs: {project: 'p', role: 'roles/monitoring.metricWriter', member: %s}},
                      {type: 'gcp:storage/bucketIAMPolicy:BucketIAMPolicy', name: 'ok-policy',
                       inputs: {bucket: 'b', policyData: '{"bindings":[{"role":"roles/storage.objectViewer","members":["group:ops@headway.dev"]}]}'}}]}
                    """.formatted(SA)),
            new Case("HW-IAM-002", """
                    {resources: [
                      {type: 'gcp:pubsub/topicIAMMember:TopicIAMMember', name: 'bad', inputs: {topic: 't', role: 'roles/pubsub.publisher', member: 'allUsers'}},
                      {type: 'gcp:bigquery/datasetIamBinding:DatasetIamBinding', name: 'bad-binding',
                       inputs: {datasetId: 'd', role: 'roles/bigquery.dataViewer', members: ['group:a@b.com', 'allAuthenticatedUsers']}}]}
                    """, """
                    {resources: [
                      {type: 'gcp:pubsub/topicIAMMember:TopicIAMMember', name: 'ok', inputs: {topic: 't', role: 'roles/pubsub.publisher', member: %s}},
                      {type: 'gcp:bigquery/datasetIamBinding:DatasetIamBinding', name: 'ok-binding',
                       inputs: {datasetId: 'd', role: 'roles/bigquery.dataViewer', members: ['group:a@b.com']}}]}
                    """.formatted(SA)),
            new Case("HW-IAM-003", """
                    {resources: [{type: 'gcp:serviceaccount/key:Key', name: 'bad', inputs: {serviceAccountId: 'hw-dev-poller'}}]}
                    """, """
                    {resources: [{type: 'gcp:serviceaccount/account:Account', name: 'ok', inputs: {accountId: 'hw-dev-poller'}}]}
                    """),
            new Case("HW-IAM-004", """
                    {resources: [
                      {type: 'gcp:projects/iAMMember:IAMMember', name: 'bad', inputs: {project: 'p', role: 'roles/iam.serviceAccountUser', member: %s}},
                      {type: 'gcp:projects/iAMBinding:IAMBinding', name: 'bad-binding', inputs: {project: 'p', role: 'roles/iam.serviceAccountTokenCreator', members: [%s]}}]}
                    """.formatted(SA, SA), """
                    {resources: [{type: 'gcp:serviceaccount/iAMMember:IAMMember', name: 'ok',
                      inputs: {serviceAccountId: 'projects/p/serviceAccounts/hw-dev-training@p.iam.gserviceaccount.com', role: 'roles/iam.serviceAccountUser', member: %s}}]}
                    """.formatted(SA)),
            new Case("HW-IAM-005", """
                    {resources: [
                      {type: 'gcp:projects/iAMBinding:IAMBinding', name: 'bad-binding', inputs: {project: 'p', role: 'roles/pubsub.editor', members: [%s]}},
                      {type: 'gcp:projects/iAMPolicy:IAMPolicy', name: 'bad-policy', inputs: {project: 'p', policyData: '{"bindings":[]}'}}]}
                    """.formatted(SA), """
                    {resources: [{type: 'gcp:projects/iAMMember:IAMMember', name: 'ok', inputs: {project: 'p', role: 'roles/pubsub.editor', member: %s}}]}
                    """.formatted(SA)),
            new Case("HW-IAM-006", """
                    {resources: [
                      {type: 'gcp:compute/instance:Instance', name: 'bad-vm', inputs: {name: 'hw-dev-poller', machineType: 'e2-micro'}},
                      {type: 'gcp:container/nodePool:NodePool', name: 'bad-pool', inputs: {nodeConfig: {serviceAccount: %s}}},
                      {type: 'gcp:container/cluster:Cluster', name: 'bad-cluster', inputs: {name: 'hw-dev-gke'}},
                      {type: 'gcp:dataflow/flexTemplateJob:FlexTemplateJob', name: 'bad-job', inputs: {name: 'hw-dev-feed'}},
                      {type: 'gcp:cloudrunv2/job:Job', name: 'bad-run', inputs: {template: {template: {serviceAccount: %s}}}}]}
                    """.formatted(DEFAULT_SA, DEFAULT_SA), """
                    {resources: [
                      {type: 'gcp:compute/instance:Instance', name: 'ok-vm', inputs: {serviceAccount: {email: 'hw-dev-poller@p.iam.gserviceaccount.com'}}},
                      {type: 'gcp:container/nodePool:NodePool', name: 'ok-pool', inputs: {nodeConfig: {serviceAccount: 'hw-dev-training@p.iam.gserviceaccount.com'}}},
                      {type: 'gcp:container/cluster:Cluster', name: 'ok-cluster', inputs: {removeDefaultNodePool: true}},
                      {type: 'gcp:dataflow/flexTemplateJob:FlexTemplateJob', name: 'ok-job', inputs: {serviceAccountEmail: 'hw-dev-dataflow@p.iam.gserviceaccount.com'}},
                      {type: 'gcp:cloudrunv2/job:Job', name: 'ok-run', inputs: {template: {template: {serviceAccount: 'hw-dev-batch@p.iam.gserviceaccount.com'}}}}]}
                    """),
            new Case("HW-IAM-007", """
                    {resources: [{type: 'gcp:storage/bucketIAMMember:BucketIAMMember', name: 'bad', inputs: {bucket: 'b', role: 'roles/storage.objectViewer', member: 'user:alice@headway.dev'}}]}
                    """, """
                    {resources: [{type: 'gcp:storage/bucketIAMMember:BucketIAMMember', name: 'ok', inputs: {bucket: 'b', role: 'roles/storage.objectViewer', member: 'group:ml@headway.dev'}}]}
                    """),
            new Case("HW-IAM-008", """
                    {resources: [
                      {type: 'gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider', name: 'bad-any',
                       inputs: {workloadIdentityPoolProviderId: 'github', oidc: {issuerUri: 'https://token.actions.githubusercontent.com'}}},
                      {type: 'gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider', name: 'bad-branch-only',
                       inputs: {attributeCondition: "assertion.ref == 'refs/heads/main'", oidc: {issuerUri: 'https://token.actions.githubusercontent.com'}}},
                      {type: 'gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider', name: 'bad-by-name',
                       inputs: {attributeCondition: "assertion.repository == 'headway-transit/headway-infra' && assertion.repository_owner == 'headway-transit'",
                         oidc: {issuerUri: 'https://token.actions.githubusercontent.com'}}}]}
                    """, """
                    {resources: [{type: 'gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider', name: 'ok',
                      inputs: {attributeCondition: "assertion.repository_id == '714250931' && assertion.repository_owner_id == '152733784'", oidc: {issuerUri: 'https://token.actions.githubusercontent.com'}}}]}
                    """),
            new Case("HW-IAM-009", """
                    {resources: [
                      {type: 'gcp:projects/iAMMember:IAMMember', name: 'bad-sa-admin', inputs: {project: 'p', role: 'roles/iam.serviceAccountAdmin', member: %s}},
                      {type: 'gcp:projects/iAMMember:IAMMember', name: 'bad-pool-admin', inputs: {project: 'p', role: 'roles/iam.workloadIdentityPoolAdmin', member: %s}},
                      {type: 'gcp:projects/iAMMember:IAMMember', name: 'bad-secrets', inputs: {project: 'p', role: 'roles/secretmanager.admin', member: %s}},
                      {type: 'gcp:projects/iAMMember:IAMMember', name: 'bad-conditioned', inputs: {project: 'p', role: 'roles/resourcemanager.projectIamAdmin', member: %s,
                        condition: {title: 't', expression: "api.getAttribute('iam.googleapis.com/modifiedGrantsByRole', []).hasOnly(['roles/pubsub.viewer'])"}}}]}
                    """.formatted(SA, SA, SA, SA), """
                    {resources: [
                      {type: 'gcp:projects/iAMMember:IAMMember', name: 'ok', inputs: {project: 'p', role: 'roles/iam.serviceAccountViewer', member: %s}},
                      {type: 'gcp:serviceaccount/iAMMember:IAMMember', name: 'ok-on-one-account',
                       inputs: {serviceAccountId: 'projects/p/serviceAccounts/hw-dev-training@p.iam.gserviceaccount.com', role: 'roles/iam.serviceAccountUser', member: %s}}]}
                    """.formatted(SA, SA)),
            new Case("HW-IAM-010", """
                    {resources: [
                      {type: 'gcp:serviceaccount/iAMMember:IAMMember', name: 'wif', inputs: {role: 'roles/iam.workloadIdentityUser',
                        serviceAccountId: 'projects/p/serviceAccounts/hw-dev-previewer@p.iam.gserviceaccount.com',
                        member: 'principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/hw-dev-ci/attribute.repository/o/r'}},
                      {type: 'gcp:projects/iAMMember:IAMMember', name: 'bad-documents', inputs: {project: 'p', role: 'roles/datastore.viewer',
                        member: 'serviceAccount:hw-dev-previewer@p.iam.gserviceaccount.com'}},
                      {type: 'gcp:bigquery/datasetIamMember:DatasetIamMember', name: 'bad-rows', inputs: {datasetId: 'd', role: 'roles/bigquery.dataViewer',
                        member: 'serviceAccount:hw-dev-previewer@p.iam.gserviceaccount.com'}}]}
                    """, """
                    {resources: [
                      {type: 'gcp:serviceaccount/iAMMember:IAMMember', name: 'wif', inputs: {role: 'roles/iam.workloadIdentityUser',
                        serviceAccountId: 'projects/p/serviceAccounts/hw-dev-deployer@p.iam.gserviceaccount.com',
                        member: 'principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/hw-dev-ci/attribute.ci_role/deploy'}},
                      {type: 'gcp:projects/iAMMember:IAMMember', name: 'ok-deployer', inputs: {project: 'p', role: 'roles/datastore.owner',
                        member: 'serviceAccount:hw-dev-deployer@p.iam.gserviceaccount.com'}},
                      {type: 'gcp:projects/iAMMember:IAMMember', name: 'ok-metadata', inputs: {project: 'p', role: 'roles/bigquery.metadataViewer',
                        member: 'serviceAccount:hw-dev-previewer@p.iam.gserviceaccount.com'}}]}
                    """),
            new Case("HW-GCS-001", """
                    {resources: [{type: 'gcp:storage/bucket:Bucket', name: 'bad', inputs: {name: 'p-hw-dev-root', uniformBucketLevelAccess: false}}]}
                    """, """
                    {resources: [{type: 'gcp:storage/bucket:Bucket', name: 'ok', inputs: {name: 'p-hw-dev-root', uniformBucketLevelAccess: true}}]}
                    """),
            new Case("HW-GCS-002", """
                    {resources: [
                      {type: 'gcp:storage/bucket:Bucket', name: 'bad', inputs: {name: 'p-hw-dev-root'}},
                      {type: 'gcp:storage/bucket:Bucket', name: 'bad-inherited', inputs: {name: 'p-hw-dev-x', publicAccessPrevention: 'inherited'}}]}
                    """, """
                    {resources: [{type: 'gcp:storage/bucket:Bucket', name: 'ok', inputs: {name: 'p-hw-dev-root', publicAccessPrevention: 'enforced'}}]}
                    """),
            new Case("HW-GCS-003", """
                    {resources: [
                      {type: 'gcp:storage/bucket:Bucket', name: 'bad', inputs: {name: 'p-hw-prod-pipeline-root'}},
                      {type: 'gcp:storage/bucket:Bucket', name: 'bad-off', inputs: {name: 'p-hw-prod-models', versioning: {enabled: false}}}]}
                    """, """
                    {resources: [
                      {type: 'gcp:storage/bucket:Bucket', name: 'ok', inputs: {name: 'p-hw-prod-pipeline-root', versioning: {enabled: true}}},
                      {type: 'gcp:storage/bucket:Bucket', name: 'ok-temp', inputs: {name: 'p-hw-prod-dataflow-temp'}}]}
                    """),
            new Case("HW-GCS-004", """
                    {env: 'prod', resources: [{type: 'gcp:storage/bucket:Bucket', name: 'bad', inputs: {name: 'p-hw-prod-root', forceDestroy: true}}]}
                    """, """
                    {env: 'prod', resources: [{type: 'gcp:storage/bucket:Bucket', name: 'ok', inputs: {name: 'p-hw-prod-root', forceDestroy: false}}]}
                    """),
            new Case("HW-GCS-005", """
                    {resources: [{type: 'gcp:storage/bucket:Bucket', name: 'bad', inputs: {name: 'p-hw-dev-dataflow-temp',
                      lifecycleRules: [{action: {type: 'SetStorageClass', storageClass: 'COLDLINE'}, condition: {age: 30}}]}}]}
                    """, """
                    {resources: [
                      {type: 'gcp:storage/bucket:Bucket', name: 'ok', inputs: {name: 'p-hw-dev-dataflow-temp', lifecycleRules: [{action: {type: 'Delete'}, condition: {age: 7}}]}},
                      {type: 'gcp:storage/bucket:Bucket', name: 'ok-data', inputs: {name: 'p-hw-dev-pipeline-root'}}]}
                    """),
            new Case("HW-VM-001", """
                    {resources: [{type: 'gcp:compute/instance:Instance', name: 'bad', inputs: {networkInterfaces: [{subnetwork: 's', accessConfigs: [{}]}]}}]}
                    """, """
                    {resources: [{type: 'gcp:compute/instance:Instance', name: 'ok', inputs: {networkInterfaces: [{subnetwork: 's'}]}}]}
                    """),
            new Case("HW-VM-002", """
                    {resources: [
                      {type: 'gcp:compute/instance:Instance', name: 'bad', inputs: {}},
                      {type: 'gcp:compute/instance:Instance', name: 'bad-vtpm', inputs: {shieldedInstanceConfig: {enableSecureBoot: true, enableVtpm: false}}}]}
                    """, """
                    {resources: [{type: 'gcp:compute/instance:Instance', name: 'ok',
                      inputs: {shieldedInstanceConfig: {enableSecureBoot: true, enableVtpm: true, enableIntegrityMonitoring: true}}}]}
                    """),
            new Case("HW-VM-003", """
                    {resources: [
                      {type: 'gcp:compute/instance:Instance', name: 'bad', inputs: {metadata: {}}},
                      {type: 'gcp:compute/instanceTemplate:InstanceTemplate', name: 'bad-template', inputs: {metadata: {'enable-oslogin': 'FALSE'}}}]}
                    """, """
                    {resources: [{type: 'gcp:compute/instance:Instance', name: 'ok', inputs: {metadata: {'enable-oslogin': 'TRUE'}}}]}
                    """),
            new Case("HW-VM-004", """
                    {resources: [{type: 'gcp:compute/instance:Instance', name: 'bad', inputs: {metadata: {'serial-port-enable': 'TRUE'}}}]}
                    """, """
                    {resources: [{type: 'gcp:compute/instance:Instance', name: 'ok', inputs: {metadata: {'serial-port-enable': 'FALSE'}}}]}
                    """),
            new Case("HW-VM-005", """
                    {resources: [{type: 'gcp:compute/instance:Instance', name: 'bad', inputs: {metadata: {'enable-oslogin': 'TRUE'}}}]}
                    """, """
                    {resources: [{type: 'gcp:compute/instance:Instance', name: 'ok', inputs: {metadata: {'block-project-ssh-keys': 'TRUE'}}}]}
                    """),
            new Case("HW-VM-006", """
                    {resources: [{type: 'gcp:compute/instance:Instance', name: 'bad', inputs: {canIpForward: true}}]}
                    """, """
                    {resources: [{type: 'gcp:compute/instance:Instance', name: 'ok', inputs: {canIpForward: false}}]}
                    """),
            new Case("HW-NET-001", """
                    {resources: [
                      {type: 'gcp:compute/firewall:Firewall', name: 'bad', inputs: {direction: 'INGRESS', sourceRanges: ['0.0.0.0/0'], allows: [{protocol: 'tcp', ports: ['22']}]}},
                      {type: 'gcp:compute/firewall:Firewall', name: 'bad-implicit-source', inputs: {allows: [{protocol: 'tcp', ports: ['20-25']}]}}]}
                    """, """
                    {resources: [
                      {type: 'gcp:compute/firewall:Firewall', name: 'ok-iap', inputs: {direction: 'INGRESS', sourceRanges: ['35.235.240.0/20'], allows: [{protocol: 'tcp', ports: ['22']}]}},
                      {type: 'gcp:compute/firewall:Firewall', name: 'ok-disabled', inputs: {disabled: true, sourceRanges: ['0.0.0.0/0'], allows: [{protocol: 'tcp', ports: ['22']}]}},
                      {type: 'gcp:compute/firewall:Firewall', name: 'ok-egress', inputs: {direction: 'EGRESS', destinationRanges: ['0.0.0.0/0'], allows: [{protocol: 'tcp', ports: ['22']}]}},
                      {type: 'gcp:compute/firewall:Firewall', name: 'ok-tags', inputs: {sourceTags: ['dataflow'], allows: [{protocol: 'tcp', ports: ['22']}]}}]}
                    """),
            new Case("HW-NET-002", """
                    {resources: [{type: 'gcp:compute/firewall:Firewall', name: 'bad', inputs: {sourceRanges: ['::/0'], allows: [{protocol: 'tcp', ports: ['3389']}]}}]}
                    """, """
                    {resources: [{type: 'gcp:compute/firewall:Firewall', name: 'ok', inputs: {sourceRanges: ['0.0.0.0/0'], allows: [{protocol: 'tcp', ports: ['443']}]}}]}
                    """),
            new Case("HW-NET-003", """
                    {resources: [
                      {type: 'gcp:compute/firewall:Firewall', name: 'bad', inputs: {sourceRanges: ['0.0.0.0/0'], allows: [{protocol: 'all'}]}},
                      {type: 'gcp:compute/firewall:Firewall', name: 'bad-udp', inputs: {sourceRanges: ['0.0.0.0/0'], allows: [{protocol: 'udp', ports: ['1-65535']}]}}]}
                    """, """
                    {resources: [{type: 'gcp:compute/firewall:Firewall', name: 'ok', inputs: {sourceRanges: ['0.0.0.0/0'], allows: [{protocol: 'tcp', ports: ['443']}]}}]}
                    """),
            new Case("HW-NET-004", """
                    {resources: [{type: 'gcp:compute/subnetwork:Subnetwork', name: 'bad', inputs: {ipCidrRange: '10.0.0.0/20', privateIpGoogleAccess: false}}]}
                    """, """
                    {resources: [
                      {type: 'gcp:compute/subnetwork:Subnetwork', name: 'ok', inputs: {ipCidrRange: '10.0.0.0/20', privateIpGoogleAccess: true}},
                      {type: 'gcp:compute/subnetwork:Subnetwork', name: 'ok-proxy', inputs: {ipCidrRange: '10.1.0.0/24', purpose: 'REGIONAL_MANAGED_PROXY'}}]}
                    """),
            new Case("HW-NET-005", """
                    {resources: [
                      {type: 'gcp:compute/subnetwork:Subnetwork', name: 'bad', inputs: {ipCidrRange: '10.0.0.0/20'}},
                      {type: 'gcp:compute/subnetwork:Subnetwork', name: 'bad-metadata', inputs: {logConfig: {metadata: 'EXCLUDE_ALL_METADATA'}}}]}
                    """, """
                    {resources: [{type: 'gcp:compute/subnetwork:Subnetwork', name: 'ok', inputs: {logConfig: {flowSampling: 0.5, metadata: 'INCLUDE_ALL_METADATA'}}}]}
                    """),
            new Case("HW-NET-006", """
                    {resources: [{type: 'gcp:compute/firewall:Firewall', name: 'bad', inputs: {sourceTags: ['a'], allows: [{protocol: 'tcp', ports: ['80']}]}}]}
                    """, """
                    {resources: [{type: 'gcp:compute/firewall:Firewall', name: 'ok', inputs: {sourceTags: ['a'], logConfig: {metadata: 'INCLUDE_ALL_METADATA'}}}]}
                    """),
            new Case("HW-NET-007", """
                    {resources: [
                      {type: 'gcp:compute/network:Network', name: 'bad', inputs: {name: 'hw-dev-vpc'}},
                      {type: 'gcp:compute/network:Network', name: 'bad-auto', inputs: {autoCreateSubnetworks: true}}]}
                    """, """
                    {resources: [{type: 'gcp:compute/network:Network', name: 'ok', inputs: {autoCreateSubnetworks: false}}]}
                    """),
            new Case("HW-BQ-001", """
                    {resources: [
                      {type: 'gcp:bigquery/dataset:Dataset', name: 'bad', inputs: {datasetId: 'hw_dev_raw', accesses: [{role: 'OWNER', specialGroup: 'projectOwners'}, {role: 'READER', specialGroup: 'allAuthenticatedUsers'}]}},
                      {type: 'gcp:bigquery/datasetAccess:DatasetAccess', name: 'bad-access', inputs: {datasetId: 'hw_dev_raw', role: 'READER', iamMember: 'allUsers'}}]}
                    """, """
                    {resources: [
                      {type: 'gcp:bigquery/dataset:Dataset', name: 'ok', inputs: {datasetId: 'hw_dev_raw', accesses: [{role: 'OWNER', specialGroup: 'projectOwners'}]}},
                      {type: 'gcp:bigquery/datasetAccess:DatasetAccess', name: 'ok-access', inputs: {datasetId: 'hw_dev_raw', role: 'READER', groupByEmail: 'ml@headway.dev'}}]}
                    """),
            new Case("HW-BQ-002", """
                    {env: 'prod', resources: [
                      {type: 'gcp:bigquery/dataset:Dataset', name: 'bad', inputs: {datasetId: 'hw_prod_raw', defaultTableExpirationMs: 2592000000}},
                      {type: 'gcp:bigquery/table:Table', name: 'bad-table', inputs: {tableId: 'arrivals', expirationTime: 1700000000000}}]}
                    """, """
                    {env: 'prod', resources: [
                      {type: 'gcp:bigquery/dataset:Dataset', name: 'ok', inputs: {datasetId: 'hw_prod_raw'}},
                      {type: 'gcp:bigquery/table:Table', name: 'ok-table', inputs: {tableId: 'arrivals', timePartitioning: {type: 'DAY'}}}]}
                    """),
            new Case("HW-PS-001", """
                    {resources: [{type: 'gcp:pubsub/subscription:Subscription', name: 'bad', inputs: {name: 'hw-dev-feed-dataflow', topic: 'projects/p/topics/hw-dev-feed'}}]}
                    """, """
                    {resources: [
                      {type: 'gcp:pubsub/subscription:Subscription', name: 'ok', inputs: {name: 'hw-dev-feed-dataflow', topic: 'projects/p/topics/hw-dev-feed',
                        deadLetterPolicy: {deadLetterTopic: 'projects/p/topics/hw-dev-feed-dead-letter', maxDeliveryAttempts: 5}}},
                      {type: 'gcp:pubsub/subscription:Subscription', name: 'ok-dead-letter-reader', inputs: {name: 'hw-dev-feed-dead-letter', topic: 'hw-dev-feed-dead-letter'}}]}
                    """),
            new Case("HW-PS-002", """
                    {resources: [{type: 'gcp:pubsub/subscription:Subscription', name: 'bad', inputs: {name: 'hw-dev-feed-dataflow'}}]}
                    """, """
                    {resources: [{type: 'gcp:pubsub/subscription:Subscription', name: 'ok', inputs: {name: 'hw-dev-feed-dataflow', retryPolicy: {minimumBackoff: '10s', maximumBackoff: '600s'}}}]}
                    """),
            new Case("HW-PS-003", """
                    {resources: [
                      {type: 'gcp:pubsub/subscription:Subscription', name: 'bad', inputs: {name: 'hw-dev-feed-dataflow'}},
                      {type: 'gcp:pubsub/subscription:Subscription', name: 'bad-ttl', inputs: {name: 'hw-dev-x', expirationPolicy: {ttl: '2678400s'}}}]}
                    """, """
                    {resources: [{type: 'gcp:pubsub/subscription:Subscription', name: 'ok', inputs: {name: 'hw-dev-feed-dataflow', expirationPolicy: {ttl: ''}}}]}
                    """),
            new Case("HW-DF-001", """
                    {resources: [
                      {type: 'gcp:dataflow/flexTemplateJob:FlexTemplateJob', name: 'bad', inputs: {name: 'hw-dev-feed'}},
                      {type: 'gcp:dataflow/job:Job', name: 'bad-public', inputs: {name: 'hw-dev-batch', ipConfiguration: 'WORKER_IP_PUBLIC'}}]}
                    """, """
                    {resources: [{type: 'gcp:dataflow/flexTemplateJob:FlexTemplateJob', name: 'ok', inputs: {name: 'hw-dev-feed', ipConfiguration: 'WORKER_IP_PRIVATE'}}]}
                    """),
            new Case("HW-DF-002", """
                    {resources: [
                      {type: 'gcp:dataflow/flexTemplateJob:FlexTemplateJob', name: 'bad', inputs: {name: 'hw-dev-feed'}},
                      {type: 'gcp:dataflow/flexTemplateJob:FlexTemplateJob', name: 'bad-cancel', inputs: {name: 'hw-dev-feed2', onDelete: 'cancel'}}]}
                    """, """
                    {resources: [{type: 'gcp:dataflow/flexTemplateJob:FlexTemplateJob', name: 'ok', inputs: {name: 'hw-dev-feed', onDelete: 'drain'}}]}
                    """),
            new Case("HW-DF-003", """
                    {resources: [
                      {type: 'gcp:pubsub/subscription:Subscription', name: 'sub', inputs: {name: 'hw-dev-feed-dataflow'}},
                      {type: 'gcp:dataflow/flexTemplateJob:FlexTemplateJob', name: 'bad', inputs: {name: 'hw-dev-feed',
                        parameters: {inputSubscription: 'projects/headway-dev/subscriptions/hw-dev-feed-dataflow'}}}]}
                    """, """
                    {resources: [
                      {type: 'gcp:pubsub/subscription:Subscription', name: 'sub', inputs: {name: 'hw-dev-feed-dataflow'}},
                      {type: 'gcp:dataflow/flexTemplateJob:FlexTemplateJob', name: 'ok', inputs: {name: 'hw-dev-feed',
                        parameters: {inputSubscription: 'projects/headway-dev/subscriptions/hw-dev-feed-dataflow'}},
                       dependsOn: ['urn:pulumi:dev::headway::gcp:pubsub/subscription:Subscription::sub'],
                       propertyDependencies: {parameters: ['urn:pulumi:dev::headway::gcp:pubsub/subscription:Subscription::sub']}}]}
                    """),
            new Case("HW-GKE-001", """
                    {resources: [{type: 'gcp:container/cluster:Cluster', name: 'bad', inputs: {privateClusterConfig: {enablePrivateNodes: false}}}]}
                    """, """
                    {resources: [{type: 'gcp:container/cluster:Cluster', name: 'ok', inputs: {privateClusterConfig: {enablePrivateNodes: true, masterIpv4CidrBlock: '172.16.0.0/28'}}}]}
                    """),
            new Case("HW-GKE-002", """
                    {resources: [{type: 'gcp:container/cluster:Cluster', name: 'bad', inputs: {}}]}
                    """, """
                    {resources: [{type: 'gcp:container/cluster:Cluster', name: 'ok', inputs: {workloadIdentityConfig: {workloadPool: 'headway-prod.svc.id.goog'}}}]}
                    """),
            new Case("HW-GKE-003", """
                    {resources: [{type: 'gcp:container/cluster:Cluster', name: 'bad', inputs: {enableShieldedNodes: false}}]}
                    """, """
                    {resources: [{type: 'gcp:container/cluster:Cluster', name: 'ok', inputs: {enableShieldedNodes: true}}]}
                    """),
            new Case("HW-GKE-004", """
                    {resources: [
                      {type: 'gcp:container/cluster:Cluster', name: 'bad', inputs: {}},
                      {type: 'gcp:container/cluster:Cluster', name: 'bad-unspecified', inputs: {releaseChannel: {channel: 'UNSPECIFIED'}}}]}
                    """, """
                    {resources: [{type: 'gcp:container/cluster:Cluster', name: 'ok', inputs: {releaseChannel: {channel: 'REGULAR'}}}]}
                    """),
            new Case("HW-GKE-005", """
                    {resources: [{type: 'gcp:container/cluster:Cluster', name: 'bad', inputs: {enableLegacyAbac: true}}]}
                    """, """
                    {resources: [{type: 'gcp:container/cluster:Cluster', name: 'ok', inputs: {enableLegacyAbac: false}}]}
                    """),
            new Case("HW-GKE-006", """
                    {resources: [{type: 'gcp:container/nodePool:NodePool', name: 'bad', inputs: {management: {autoRepair: true, autoUpgrade: false}}}]}
                    """, """
                    {resources: [{type: 'gcp:container/nodePool:NodePool', name: 'ok', inputs: {management: {autoRepair: true, autoUpgrade: true}}}]}
                    """),
            new Case("HW-GKE-007", """
                    {resources: [
                      {type: 'gcp:container/nodePool:NodePool', name: 'bad', inputs: {nodeConfig: {}}},
                      {type: 'gcp:container/nodePool:NodePool', name: 'bad-expose', inputs: {nodeConfig: {workloadMetadataConfig: {mode: 'GCE_METADATA'}}}}]}
                    """, """
                    {resources: [{type: 'gcp:container/nodePool:NodePool', name: 'ok', inputs: {nodeConfig: {workloadMetadataConfig: {mode: 'GKE_METADATA'}}}}]}
                    """),
            new Case("HW-GKE-008", """
                    {resources: [{type: 'gcp:container/cluster:Cluster', name: 'bad', inputs: {masterAuth: {clientCertificateConfig: {issueClientCertificate: true}}}}]}
                    """, """
                    {resources: [{type: 'gcp:container/cluster:Cluster', name: 'ok', inputs: {masterAuth: {clientCertificateConfig: {issueClientCertificate: false}}}}]}
                    """),
            new Case("HW-AR-001", """
                    {resources: [
                      {type: 'gcp:artifactregistry/repository:Repository', name: 'bad', inputs: {repositoryId: 'training', format: 'DOCKER'}},
                      {type: 'gcp:artifactregistry/repository:Repository', name: 'bad-dry-run', inputs: {repositoryId: 'serving', format: 'DOCKER',
                        cleanupPolicyDryRun: true, cleanupPolicies: [{id: 'keep', action: 'KEEP', mostRecentVersions: {keepCount: 5}}]}}]}
                    """, """
                    {resources: [
                      {type: 'gcp:artifactregistry/repository:Repository', name: 'ok', inputs: {repositoryId: 'training', format: 'DOCKER', cleanupPolicyDryRun: false,
                        cleanupPolicies: [{id: 'keep', action: 'KEEP', mostRecentVersions: {keepCount: 5}}]}},
                      {type: 'gcp:artifactregistry/repository:Repository', name: 'ok-remote', inputs: {repositoryId: 'dockerhub', mode: 'REMOTE_REPOSITORY'}}]}
                    """),
            new Case("HW-AR-002", """
                    {env: 'prod', resources: [{type: 'gcp:artifactregistry/repository:Repository', name: 'bad', inputs: {repositoryId: 'serving', format: 'DOCKER'}}]}
                    """, """
                    {env: 'prod', resources: [
                      {type: 'gcp:artifactregistry/repository:Repository', name: 'ok', inputs: {repositoryId: 'serving', format: 'DOCKER', dockerConfig: {immutableTags: true}}},
                      {type: 'gcp:artifactregistry/repository:Repository', name: 'ok-kfp', inputs: {repositoryId: 'pipelines', format: 'KFP'}}]}
                    """),
            new Case("HW-LBL-001", """
                    {resources: [
                      {type: 'gcp:storage/bucket:Bucket', name: 'bad-missing', inputs: {labels: {app: 'headway'}}},
                      {type: 'gcp:storage/bucket:Bucket', name: 'bad-env', inputs: {labels: {app: 'headway', env: 'prod', component: 'x', 'managed-by': 'pulumi'}}},
                      {type: 'gcp:container/cluster:Cluster', name: 'bad-cluster', inputs: {labels: %s}},
                      {type: 'gcp:monitoring/alertPolicy:AlertPolicy', name: 'bad-alert', inputs: {}}]}
                    """.formatted(LABELS), """
                    {resources: [
                      {type: 'gcp:storage/bucket:Bucket', name: 'ok', inputs: {labels: %s}},
                      {type: 'gcp:container/cluster:Cluster', name: 'ok-cluster', inputs: {resourceLabels: %s}},
                      {type: 'gcp:container/nodePool:NodePool', name: 'ok-takes-none', inputs: {}},
                      {type: 'gcp:monitoring/notificationChannel:NotificationChannel', name: 'ok-channel',
                       inputs: {type: 'email', labels: {email_address: 'oncall@headway.dev'}, userLabels: %s}}]}
                    """.formatted(LABELS, LABELS, LABELS)),
            new Case("HW-LBL-002", """
                    {resources: [
                      {type: 'gcp:storage/bucket:Bucket', name: 'bad-key', inputs: {labels: {'Cost-Center': 'ml'}}},
                      {type: 'gcp:pubsub/topic:Topic', name: 'bad-value', inputs: {labels: {team: 'ML Platform'}}}]}
                    """, """
                    {resources: [{type: 'gcp:storage/bucket:Bucket', name: 'ok', inputs: {labels: {'cost-center': 'ml-platform'}}}]}
                    """),
            new Case("HW-RET-001", """
                    {env: 'prod', resources: [
                      {type: 'gcp:bigquery/dataset:Dataset', name: 'bad', retainOnDelete: true, inputs: {datasetId: 'hw_prod_raw'}},
                      {type: 'gcp:storage/bucket:Bucket', name: 'bad-bucket', retainOnDelete: true, inputs: {name: 'p-hw-prod-pipeline-root'}}]}
                    """, """
                    {env: 'prod', resources: [
                      {type: 'gcp:bigquery/dataset:Dataset', name: 'ok', protect: true, retainOnDelete: true, inputs: {datasetId: 'hw_prod_raw'}},
                      {type: 'gcp:storage/bucket:Bucket', name: 'ok-temp', inputs: {name: 'p-hw-prod-dataflow-temp'}}]}
                    """),
            new Case("HW-RET-002", """
                    {env: 'prod', resources: [
                      {type: 'gcp:firestore/database:Database', name: 'bad', protect: true, inputs: {name: 'hw-prod-predictions'}},
                      {type: 'gcp:bigquery/table:Table', name: 'bad-table', protect: true, inputs: {tableId: 'arrivals'}}]}
                    """, """
                    {env: 'prod', resources: [{type: 'gcp:firestore/database:Database', name: 'ok', protect: true, retainOnDelete: true, inputs: {name: 'hw-prod-predictions'}}]}
                    """),
            new Case("HW-RET-003", """
                    {env: 'prod', resources: [{type: 'gcp:bigquery/dataset:Dataset', name: 'bad', inputs: {datasetId: 'hw_prod_raw', deleteContentsOnDestroy: true}}]}
                    """, """
                    {env: 'prod', resources: [{type: 'gcp:bigquery/dataset:Dataset', name: 'ok', inputs: {datasetId: 'hw_prod_raw', deleteContentsOnDestroy: false}}]}
                    """),
            new Case("HW-RET-004", """
                    {env: 'dev', resources: [
                      {type: 'gcp:pubsub/topic:Topic', name: 'bad', protect: true, inputs: {name: 'hw-dev-feed'}},
                      {type: 'gcp:bigquery/dataset:Dataset', name: 'bad-dataset', retainOnDelete: true, inputs: {datasetId: 'hw_dev_raw'}}]}
                    """, """
                    {env: 'dev', resources: [{type: 'gcp:bigquery/dataset:Dataset', name: 'ok', inputs: {datasetId: 'hw_dev_raw', deleteContentsOnDestroy: true}}]}
                    """),
            new Case("HW-RET-005", """
                    {env: 'dev', resources: [
                      {type: 'gcp:container/cluster:Cluster', name: 'bad-cluster', inputs: {name: 'hw-dev-gke'}},
                      {type: 'gcp:bigquery/table:Table', name: 'bad-table', inputs: {tableId: 'arrivals', deletionProtection: true}},
                      {type: 'gcp:firestore/database:Database', name: 'bad-firestore', inputs: {deleteProtectionState: 'DELETE_PROTECTION_ENABLED'}},
                      {type: 'gcp:compute/instance:Instance', name: 'bad-vm', inputs: {deletionProtection: true}}]}
                    """, """
                    {env: 'dev', resources: [
                      {type: 'gcp:container/cluster:Cluster', name: 'ok-cluster', inputs: {name: 'hw-dev-gke', deletionProtection: false}},
                      {type: 'gcp:bigquery/table:Table', name: 'ok-table', inputs: {tableId: 'arrivals', deletionProtection: false}},
                      {type: 'gcp:firestore/database:Database', name: 'ok-firestore', inputs: {deleteProtectionState: 'DELETE_PROTECTION_DISABLED'}},
                      {type: 'gcp:compute/instance:Instance', name: 'ok-vm', inputs: {}}]}
                    """),
            new Case("HW-RET-006", """
                    {env: 'prod', resources: [
                      {type: 'gcp:firestore/database:Database', name: 'bad', inputs: {name: 'hw-prod-predictions'}},
                      {type: 'gcp:bigquery/table:Table', name: 'bad-table', inputs: {tableId: 'arrivals', deletionProtection: false}}]}
                    """, """
                    {env: 'prod', resources: [
                      {type: 'gcp:firestore/database:Database', name: 'ok', inputs: {name: 'hw-prod-predictions', deleteProtectionState: 'DELETE_PROTECTION_ENABLED'}},
                      {type: 'gcp:bigquery/table:Table', name: 'ok-table', inputs: {tableId: 'arrivals'}}]}
                    """),
            new Case("HW-NAM-001", """
                    {resources: [
                      {type: 'gcp:storage/bucket:Bucket', name: 'bad-bucket', inputs: {name: 'Headway_Dev'}},
                      {type: 'gcp:storage/bucket:Bucket', name: 'bad-google', inputs: {name: 'headway-google-dev'}},
                      {type: 'gcp:serviceaccount/account:Account', name: 'bad-sa', inputs: {accountId: 'hw-d'}},
                      {type: 'gcp:pubsub/topic:Topic', name: 'bad-topic', inputs: {name: 'goog-feed'}},
                      {type: 'gcp:container/cluster:Cluster', name: 'bad-cluster', inputs: {name: 'hw-dev-training-gpu-cluster-with-a-long-name'}},
                      {type: 'gcp:bigquery/dataset:Dataset', name: 'bad-dataset', inputs: {datasetId: 'hw-dev-raw'}},
                      {type: 'gcp:vertex/aiEndpoint:AiEndpoint', name: 'bad-endpoint', inputs: {name: 'headway-gru'}}]}
                    """, """
                    {resources: [
                      {type: 'gcp:storage/bucket:Bucket', name: 'ok-bucket', inputs: {name: 'headway-dev-hw-dev-root'}},
                      {type: 'gcp:serviceaccount/account:Account', name: 'ok-sa', inputs: {accountId: 'hw-dev-poller'}},
                      {type: 'gcp:pubsub/topic:Topic', name: 'ok-topic', inputs: {name: 'hw-dev-feed'}},
                      {type: 'gcp:container/cluster:Cluster', name: 'ok-cluster', inputs: {name: 'hw-dev-training'}},
                      {type: 'gcp:bigquery/dataset:Dataset', name: 'ok-dataset', inputs: {datasetId: 'hw_dev_raw'}},
                      {type: 'gcp:vertex/aiEndpoint:AiEndpoint', name: 'ok-endpoint', inputs: {name: '1234567890'}}]}
                    """),
            new Case("HW-NAM-002", """
                    {env: 'dev', resources: [
                      {type: 'gcp:pubsub/topic:Topic', name: 'bad-topic', inputs: {name: 'feed'}},
                      {type: 'gcp:storage/bucket:Bucket', name: 'bad-bucket', inputs: {name: 'headway-dev-feed'}},
                      {type: 'gcp:bigquery/dataset:Dataset', name: 'bad-dataset', inputs: {datasetId: 'raw'}},
                      {type: 'gcp:compute/instance:Instance', name: 'bad-vm', inputs: {name: 'hw-prod-poller'}}]}
                    """, """
                    {env: 'dev', resources: [
                      {type: 'gcp:pubsub/topic:Topic', name: 'ok-topic', inputs: {name: 'hw-dev-feed'}},
                      {type: 'gcp:storage/bucket:Bucket', name: 'ok-bucket', inputs: {name: 'headway-dev-hw-dev-feed'}},
                      {type: 'gcp:bigquery/dataset:Dataset', name: 'ok-dataset', inputs: {datasetId: 'hw_dev_raw'}},
                      {type: 'gcp:compute/instance:Instance', name: 'ok-vm', inputs: {name: 'hw-dev-poller'}}]}
                    """),
            new Case("HW-LIFE-001", """
                    {resources: [{type: 'gcp:compute/instance:Instance', name: 'bad', inputs: {name: 'hw-dev-poller',
                      metadata: {'enable-oslogin': 'TRUE', 'startup-script': '#!/bin/bash\\ndocker run poller'}}}]}
                    """, """
                    {resources: [{type: 'gcp:compute/instance:Instance', name: 'ok', inputs: {name: 'hw-dev-poller',
                      metadata: {'enable-oslogin': 'TRUE'}, metadataStartupScript: '#!/bin/bash\\ndocker run poller'}}]}
                    """),
            new Case("HW-LIFE-002", """
                    {resources: [
                      {type: 'gcp:bigquery/datasetIamMember:DatasetIamMember', name: 'bad', inputs: {datasetId: 'hw_dev_features',
                        role: 'roles/bigquery.dataViewer', member: 'serviceAccount:hw-dev-training@headway-dev.iam.gserviceaccount.com'}},
                      {type: 'gcp:bigquery/datasetIamMember:DatasetIamMember', name: 'writer', inputs: {datasetId: 'hw_dev_raw',
                        role: 'roles/bigquery.dataEditor', member: 'serviceAccount:hw-dev-dataflow@headway-dev.iam.gserviceaccount.com'}},
                      {type: 'gcp:projects/iAMMember:IAMMember', name: 'other', inputs: {role: 'roles/bigquery.jobUser',
                        member: 'serviceAccount:hw-dev-pipelines@headway-dev.iam.gserviceaccount.com'}}]}
                    """, """
                    {resources: [
                      {type: 'gcp:bigquery/datasetIamMember:DatasetIamMember', name: 'ok', inputs: {datasetId: 'hw_dev_features',
                        role: 'roles/bigquery.dataViewer', member: 'serviceAccount:hw-dev-training@headway-dev.iam.gserviceaccount.com'}},
                      {type: 'gcp:projects/iAMMember:IAMMember', name: 'jobs', inputs: {role: 'roles/bigquery.jobUser',
                        member: 'serviceAccount:hw-dev-training@headway-dev.iam.gserviceaccount.com'}}]}
                    """),
            new Case("HW-LIFE-003", """
                    {resources: [{type: 'gcp:dataflow/flexTemplateJob:FlexTemplateJob', name: 'bad', inputs: {name: 'hw-prod-feed',
                      maxWorkers: 5, parameters: {maxNumWorkers: '10', windowSeconds: '60'}}}]}
                    """, """
                    {resources: [{type: 'gcp:dataflow/flexTemplateJob:FlexTemplateJob', name: 'ok', inputs: {name: 'hw-prod-feed',
                      maxWorkers: 5, parameters: {windowSeconds: '60'}}}]}
                    """),
            new Case("HW-LIFE-004", """
                    {resources: [{type: 'gcp:serviceusage/consumerQuotaOverride:ConsumerQuotaOverride', name: 'bad', inputs: {overrideValue: '8'}}]}
                    """, """
                    {resources: [{type: 'gcp:serviceusage/consumerQuotaOverride:ConsumerQuotaOverride', name: 'ok', inputs: {overrideValue: '8', force: true}}]}
                    """),
            // issue 15: a prod stack file saying dev synthesizes with nothing protected
            new Case("HW-ENV-001", """
                    {env: 'prod', tier: 'dev', resources: [{type: 'pulumi:pulumi:Stack', name: 'bad-stack', custom: false}]}
                    """, """
                    {env: 'prod', tier: 'prod', resources: [{type: 'pulumi:pulumi:Stack', name: 'ok-stack', custom: false}]}
                    """),
            new Case("HW-REV-001", """
                    {env: 'pr-7', tier: 'prod', resources: [{type: 'pulumi:pulumi:Stack', name: 'bad-stack', custom: false}]}
                    """, """
                    {env: 'pr-7', tier: 'dev', resources: [{type: 'pulumi:pulumi:Stack', name: 'ok-stack', custom: false}]}
                    """),
            new Case("HW-REV-002", """
                    {env: 'pr-7', tier: 'dev', resources: [
                      {type: 'gcp:dataflow/flexTemplateJob:FlexTemplateJob', name: 'bad-template',
                       inputs: {name: 'hw-pr-7-feed', containerSpecGcsPath: 'gs://headway-prod-hw-prod-dataflow-staging/templates/feed.json'}},
                      {type: 'gcp:bigquery/datasetIamMember:DatasetIamMember', name: 'bad-grant',
                       inputs: {project: 'headway-data', datasetId: 'shared', role: 'roles/bigquery.dataEditor', member: 'serviceAccount:hw-pr-7-batch@headway-pr-7.iam.gserviceaccount.com'}},
                      {type: 'gcp:pubsub/subscription:Subscription', name: 'bad-sub',
                       inputs: {name: 'hw-pr-7-feed-dataflow', topic: 'projects/headway-live/topics/feed'}},
                      {type: 'gcp:pubsub/topicIAMMember:TopicIAMMember', name: 'bad-member',
                       inputs: {topic: 'hw-pr-7-feed', role: 'roles/pubsub.publisher', member: 'serviceAccount:hw-prod-poller@headway-x.iam.gserviceaccount.com'}}]}
                    """, """
                    {env: 'pr-7', tier: 'dev', resources: [
                      {type: 'gcp:pubsub/subscription:Subscription', name: 'ok-sub',
                       inputs: {project: 'headway-pr-7', name: 'hw-pr-7-feed-dataflow', topic: 'projects/headway-pr-7/topics/hw-pr-7-feed',
                                deadLetterPolicy: {deadLetterTopic: 'projects/headway-pr-7/topics/hw-pr-7-feed-dead-letter'}}},
                      {type: 'gcp:pubsub/topicIAMMember:TopicIAMMember', name: 'ok-member',
                       inputs: {topic: 'hw-pr-7-feed', role: 'roles/pubsub.publisher', member: 'serviceAccount:service-123@gcp-sa-pubsub.iam.gserviceaccount.com'}},
                      {type: 'gcp:bigquery/dataset:Dataset', name: 'ok-dataset', inputs: {datasetId: 'hw_pr_7_raw', deleteContentsOnDestroy: true}}]}
                    """),
            new Case("HW-REV-003", """
                    {env: 'pr-7', tier: 'dev', resources: [
                      {type: 'gcp:serviceusage/consumerQuotaOverride:ConsumerQuotaOverride', name: 'bad-quota',
                       inputs: {metric: 'aiplatform.googleapis.com%2Fcustom_model_training_nvidia_a100_gpus', overrideValue: '1'}},
                      {type: 'gcp:container/cluster:Cluster', name: 'bad-cluster', inputs: {name: 'hw-pr-7-training'}},
                      {type: 'gcp:compute/instance:Instance', name: 'bad-vm', inputs: {name: 'hw-pr-7-poller', guestAccelerators: [{type: 'nvidia-tesla-t4', count: 1}]}}]}
                    """, """
                    {env: 'pr-7', tier: 'dev', resources: [
                      {type: 'gcp:serviceusage/consumerQuotaOverride:ConsumerQuotaOverride', name: 'ok-quota',
                       inputs: {metric: 'aiplatform.googleapis.com%2Fcustom_model_training_nvidia_a100_gpus', overrideValue: '0'}},
                      {type: 'gcp:compute/instance:Instance', name: 'ok-vm', inputs: {name: 'hw-pr-7-poller'}}]}
                    """),
            // issue 17: a review stack with its own CI identity (the template before headway:ci.enabled: false)
            new Case("HW-REV-004", """
                    {env: 'pr-7', tier: 'dev', resources: [
                      {type: 'gcp:iam/workloadIdentityPool:WorkloadIdentityPool', name: 'bad-pool', inputs: {workloadIdentityPoolId: 'hw-pr-7-ci'}},
                      {type: 'gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider', name: 'bad-provider',
                       inputs: {workloadIdentityPoolId: 'hw-pr-7-ci', workloadIdentityPoolProviderId: 'hw-pr-7-github'}},
                      {type: 'gcp:serviceaccount/key:Key', name: 'bad-key', inputs: {serviceAccountId: 'hw-pr-7-deployer'}},
                      {type: 'gcp:projects/iAMMember:IAMMember', name: 'bad-admin', inputs: {role: 'roles/storage.admin',
                        member: 'serviceAccount:hw-pr-7-deployer@headway-sandbox.iam.gserviceaccount.com'}},
                      {type: 'gcp:serviceaccount/iAMMember:IAMMember', name: 'bad-sa-admin', inputs: {serviceAccountId: 'hw-pr-7-serving',
                        role: 'roles/iam.serviceAccountAdmin', member: 'serviceAccount:hw-pr-7-deployer@headway-sandbox.iam.gserviceaccount.com'}}]}
                    """, """
                    {env: 'pr-7', tier: 'dev', resources: [
                      {type: 'gcp:serviceaccount/account:Account', name: 'ok-account', inputs: {accountId: 'hw-pr-7-serving'}},
                      {type: 'gcp:storage/bucketIAMMember:BucketIAMMember', name: 'ok-staging', inputs: {bucket: 'headway-sandbox-hw-pr-7-dataflow-staging',
                        role: 'roles/storage.objectAdmin', member: 'serviceAccount:hw-pr-7-dataflow@headway-sandbox.iam.gserviceaccount.com'}},
                      {type: 'gcp:projects/iAMMember:IAMMember', name: 'ok-jobs', inputs: {role: 'roles/bigquery.jobUser',
                        member: 'serviceAccount:hw-pr-7-pipelines@headway-sandbox.iam.gserviceaccount.com'}}]}
                    """))).toList();
}
