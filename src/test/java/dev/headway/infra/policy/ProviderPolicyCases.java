package dev.headway.infra.policy;

import dev.headway.infra.policy.PolicyCases.Case;

import java.util.List;

/** Cases of the provider family (HW-PRV-*): the smallest plan that breaks each rule, and one done right. */
final class ProviderPolicyCases {
    private ProviderPolicyCases() {
    }

    private static final String DIGEST = "@sha256:" + "a".repeat(64);
    private static final String REPO = "'urn:pulumi:dev::headway::gcp:artifactregistry/repository:Repository::repo'";
    private static final String BUCKET = "'urn:pulumi:dev::headway::gcp:storage/bucket:Bucket::staging'";

    static final List<Case> ALL = List.of(
            new Case("HW-PRV-001", """
                    {resources: [
                      {type: 'gcp:container/nodePool:NodePool', name: 'bad', inputs: {nodeLocations: ['us-east1-c'],
                        nodeConfig: {machineType: 'a2-highgpu-1g', guestAccelerators: [{type: 'nvidia-tesla-a100', count: 1}]}}},
                      {type: 'gcp:container/nodePool:NodePool', name: 'bad-everywhere', inputs: {nodeConfig: {machineType: 'a2-highgpu-1g', guestAccelerators: [{type: 'nvidia-tesla-a100', count: 1}]}}},
                      {type: 'gcp:container/nodePool:NodePool', name: 'bad-family', inputs: {nodeLocations: ['us-east1-c'],
                        nodeConfig: {machineType: 'a2-highgpu-1g', guestAccelerators: [{type: 'nvidia-tesla-t4', count: 1}]}}},
                      {type: 'gcp:serviceusage/consumerQuotaOverride:ConsumerQuotaOverride', name: 'bad-quota',
                        inputs: {metric: 'aiplatform.googleapis.com%2Fcustom_model_training_nvidia_a100_80gb_gpus', dimensions: {region: 'us-east1'}}},
                      {type: 'gcp:container/nodePool:NodePool', name: 'system', inputs: {nodeLocations: ['us-east1-c'], nodeConfig: {machineType: 'e2-medium'}}}]}
                    """, """
                    {resources: [
                      {type: 'gcp:container/nodePool:NodePool', name: 'ok', inputs: {nodeLocations: ['us-east1-b'],
                        nodeConfig: {machineType: 'a2-highgpu-1g', guestAccelerators: [{type: 'nvidia-tesla-a100', count: 1}]}}},
                      {type: 'gcp:container/nodePool:NodePool', name: 'ok-t4', inputs: {nodeLocations: ['us-east1-c', 'us-east1-d'],
                        nodeConfig: {machineType: 'n1-standard-8', guestAccelerators: [{type: 'nvidia-tesla-t4', count: 1}]}}},
                      {type: 'gcp:serviceusage/consumerQuotaOverride:ConsumerQuotaOverride', name: 'ok-quota',
                        inputs: {metric: 'aiplatform.googleapis.com%2Fcustom_model_training_nvidia_a100_gpus', dimensions: {region: 'us-east1'}}},
                      {type: 'gcp:container/nodePool:NodePool', name: 'system', inputs: {nodeLocations: ['us-east1-c'], nodeConfig: {machineType: 'e2-medium'}}}]}
                    """),
            new Case("HW-PRV-002", """
                    {resources: [
                      {type: 'gcp:container/cluster:Cluster', name: 'closed', inputs: {masterAuthorizedNetworksConfig: {cidrBlocks: []}}},
                      {type: 'gcp:container/cluster:Cluster', name: 'private-only', inputs: {privateClusterConfig: {enablePrivateEndpoint: true},
                        masterAuthorizedNetworksConfig: {cidrBlocks: [{cidrBlock: '203.0.113.0/28'}]}}},
                      {type: 'gcp:container/cluster:Cluster', name: 'rfc1918', inputs: {masterAuthorizedNetworksConfig: {cidrBlocks: [{cidrBlock: '10.0.0.0/24'}]}}},
                      {type: 'pulumi:providers:kubernetes', name: 'bad', inputs: {kubeconfig: '[unknown]'},
                        propertyDependencies: {kubeconfig: ['urn:pulumi:dev::headway::gcp:container/cluster:Cluster::closed']}},
                      {type: 'pulumi:providers:kubernetes', name: 'bad-private', inputs: {kubeconfig: '[unknown]'},
                        propertyDependencies: {kubeconfig: ['urn:pulumi:dev::headway::gcp:container/cluster:Cluster::private-only']}},
                      {type: 'pulumi:providers:kubernetes', name: 'bad-rfc1918', inputs: {kubeconfig: '[unknown]'},
                        propertyDependencies: {kubeconfig: ['urn:pulumi:dev::headway::gcp:container/cluster:Cluster::rfc1918']}},
                      {type: 'pulumi:providers:kubernetes', name: 'bad-ambient', inputs: {}},
                      {type: 'kubernetes:core/v1:Namespace', name: 'bad-default-provider', inputs: {metadata: {name: 'training'}}}]}
                    """, """
                    {resources: [
                      {type: 'gcp:container/cluster:Cluster', name: 'open', inputs: {masterAuthorizedNetworksConfig: {cidrBlocks: [{cidrBlock: '203.0.113.0/28'}]}}},
                      {type: 'pulumi:providers:kubernetes', name: 'ok', inputs: {kubeconfig: '[unknown]'},
                        propertyDependencies: {kubeconfig: ['urn:pulumi:dev::headway::gcp:container/cluster:Cluster::open']}},
                      {type: 'kubernetes:core/v1:Namespace', name: 'ok-ns', inputs: {metadata: {name: 'training'}},
                        provider: 'urn:pulumi:dev::headway::pulumi:providers:kubernetes::ok::04da6b54-80e4-46f7-96ec-b56ff0331ba9'}]}
                    """),
            new Case("HW-PRV-003", """
                    {resources: [
                      {type: 'gcp:artifactregistry/repository:Repository', name: 'repo', inputs: {project: 'p', repositoryId: 'hw-dev-training', format: 'DOCKER'}},
                      {type: 'gcp:artifactregistry/repositoryIamMember:RepositoryIamMember', name: 'other-repo', inputs: {repository: 'hw-dev-serving',
                        role: 'roles/artifactregistry.reader', member: 'serviceAccount:df@p.iam.gserviceaccount.com'}},
                      {type: 'gcp:compute/instance:Instance', name: 'bad-vm', inputs: {serviceAccount: {email: 'vm@p.iam.gserviceaccount.com'},
                        metadata: {startup-script: "docker pull 'us-east1-docker.pkg.dev/p/hw-dev-training/poller%1$s'"}}},
                      {type: 'gcp:cloudrunv2/job:Job', name: 'bad-run', inputs: {template: {template: {serviceAccount: 'run@p.iam.gserviceaccount.com',
                        containers: [{image: 'us-east1-docker.pkg.dev/p/hw-dev-training/batch%1$s'}]}}}},
                      {type: 'gcp:dataflow/flexTemplateJob:FlexTemplateJob', name: 'bad-flex', inputs: {serviceAccountEmail: 'df@p.iam.gserviceaccount.com'}}]}
                    """.formatted(DIGEST), """
                    {resources: [
                      {type: 'gcp:artifactregistry/repository:Repository', name: 'repo', inputs: {project: 'p', repositoryId: 'hw-dev-training', format: 'DOCKER'}},
                      {type: 'gcp:artifactregistry/repositoryIamMember:RepositoryIamMember', name: 'vm-pull', inputs: {repository: 'hw-dev-training',
                        role: 'roles/artifactregistry.reader', member: 'serviceAccount:vm@p.iam.gserviceaccount.com'}},
                      {type: 'gcp:artifactregistry/repositoryIamMember:RepositoryIamMember', name: 'run-pull', inputs: {repository: 'projects/p/locations/us-east1/repositories/hw-dev-training',
                        role: 'roles/artifactregistry.reader', member: 'serviceAccount:run@p.iam.gserviceaccount.com'}},
                      {type: 'gcp:projects/iAMMember:IAMMember', name: 'df-pull', inputs: {project: 'p',
                        role: 'roles/artifactregistry.reader', member: 'serviceAccount:df@p.iam.gserviceaccount.com'}},
                      {type: 'gcp:compute/instance:Instance', name: 'ok-vm', inputs: {serviceAccount: {email: 'vm@p.iam.gserviceaccount.com'},
                        metadata: {startup-script: "docker pull 'us-east1-docker.pkg.dev/p/hw-dev-training/poller%1$s'"}}},
                      {type: 'gcp:cloudrunv2/job:Job', name: 'ok-run', inputs: {template: {template: {serviceAccount: 'run@p.iam.gserviceaccount.com',
                        containers: [{image: 'us-east1-docker.pkg.dev/p/hw-dev-training/batch%1$s'}]}}}},
                      {type: 'gcp:dataflow/flexTemplateJob:FlexTemplateJob', name: 'ok-flex', inputs: {serviceAccountEmail: 'df@p.iam.gserviceaccount.com'}}]}
                    """.formatted(DIGEST)),
            new Case("HW-PRV-004", """
                    {resources: [
                      {type: 'gcp:artifactregistry/repository:Repository', name: 'repo', inputs: {repositoryId: 'hw-dev-training', format: 'DOCKER'}},
                      {type: 'gcp:storage/bucket:Bucket', name: 'staging', inputs: {name: 'headway-dev-hw-dev-dataflow-staging'}},
                      {type: 'gcp:compute/instance:Instance', name: 'bad-vm', propertyDependencies: {metadata: [%1$s]},
                        inputs: {metadata: {startup-script: "docker pull 'us-east1-docker.pkg.dev/p/hw-dev-training/poller:latest'"}}},
                      {type: 'gcp:cloudrunv2/job:Job', name: 'bad-run', inputs: {template: {template: {
                        containers: [{image: 'us-east1-docker.pkg.dev/p/hw-dev-training/batch:1.2.0'}]}}}},
                      {type: 'gcp:dataflow/flexTemplateJob:FlexTemplateJob', name: 'bad-flex', propertyDependencies: {containerSpecGcsPath: [%2$s]},
                        inputs: {containerSpecGcsPath: '[unknown]'}}]}
                    """.formatted(REPO, BUCKET), """
                    {resources: [
                      {type: 'gcp:artifactregistry/repository:Repository', name: 'repo', inputs: {repositoryId: 'hw-dev-training', format: 'DOCKER'}},
                      {type: 'gcp:storage/bucket:Bucket', name: 'staging', inputs: {name: 'headway-dev-hw-dev-dataflow-staging'}},
                      {type: 'gcp:compute/instance:Instance', name: 'ok-vm', propertyDependencies: {serviceAccount: ['urn:pulumi:dev::headway::gcp:serviceaccount/account:Account::sa']},
                        inputs: {metadata: {startup-script: "docker pull 'us-east1-docker.pkg.dev/p/hw-dev-training/poller%3$s'"}}},
                      {type: 'gcp:cloudrunv2/job:Job', name: 'ok-run', inputs: {template: {template: {
                        containers: [{image: 'us-east1-docker.pkg.dev/p/hw-dev-training/batch%3$s'}]}}}},
                      {type: 'gcp:cloudrunv2/job:Job', name: 'ok-elsewhere', inputs: {template: {template: {
                        containers: [{image: 'us-docker.pkg.dev/cloudrun/container/job:latest'}]}}}},
                      {type: 'gcp:dataflow/flexTemplateJob:FlexTemplateJob', name: 'ok-flex', propertyDependencies: {stagingLocation: [%2$s]},
                        inputs: {containerSpecGcsPath: 'gs://headway-dev-hw-dev-dataflow-staging/templates/feed.json'}}]}
                    """.formatted(REPO, BUCKET, DIGEST)),
            new Case("HW-PRV-005", """
                    {resources: [{type: 'gcp:container/cluster:Cluster', name: 'bad', inputs: {removeDefaultNodePool: true,
                      nodeConfig: {serviceAccount: 'hw-dev-training@p.iam.gserviceaccount.com'}}}]}
                    """, """
                    {resources: [
                      {type: 'gcp:container/cluster:Cluster', name: 'ok', inputs: {removeDefaultNodePool: true, initialNodeCount: 1}},
                      {type: 'gcp:container/cluster:Cluster', name: 'ok-keeps-default-pool', inputs: {nodeConfig: {machineType: 'e2-medium'}}}]}
                    """));
}
