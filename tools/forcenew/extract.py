#!/usr/bin/env python3
"""Which inputs force replacement, read from the Google provider's own schema, checked against the lifecycle table.

The lifecycle table (src/main/resources/lifecycle/google-beta-5.0.0.json, rendered in docs/lifecycle.md) is the
one record of what a change of each input does; synth/ReplaceRules derives the diff's replacements from it.
pulumi-gcp 7.0.0 bridges hashicorp/terraform-provider-google-beta v5.0.0. For every bridged resource type in the
table, this reads the Terraform schema of that resource (google-beta/services/<svc>/resource_<name>.go, and for
IAM members tpgiamresource/resource_iam_member.go plus the parent's Iam*Schema) and classifies every input path
the table has a row for and every input path stacks/*.plan.json sets: ForceNew (replace) or in place.

It prints the table to stdout with its "replacement" section regenerated from what it derived: per type the
Terraform resource, the schema files read, the ForceNew blocks that replace only when added or removed
(forceNewWhenAddedOrRemoved), and the CustomizeDiff rules below (conditional). The input rows themselves are
not rewritten (they also carry read-back, delete and hand-read facts); on stderr it names every row whose
onChange disagrees with the schema (ForceNew exactly where onChange is replace), every planned input without a
row, and every path the schema lacks, and then exits 1.

Usage (from the repository root, with the provider checked out at the tag):
    git clone --branch v5.0.0 --depth 1 https://github.com/hashicorp/terraform-provider-google-beta /tmp/tpg
    python3 tools/forcenew/extract.py /tmp/tpg > /tmp/lifecycle.json \
        && mv /tmp/lifecycle.json src/main/resources/lifecycle/google-beta-5.0.0.json
"""
import json
import os
import re
import sys

# Pulumi type -> Terraform resource, from pulumi-gcp 7.0.0 provider/resources.go (the bridge's token map).
TF = {
    "gcp:artifactregistry/repository:Repository": "google_artifact_registry_repository",
    "gcp:artifactregistry/repositoryIamMember:RepositoryIamMember": "google_artifact_registry_repository_iam_member",
    "gcp:bigquery/dataset:Dataset": "google_bigquery_dataset",
    "gcp:bigquery/datasetIamMember:DatasetIamMember": "google_bigquery_dataset_iam_member",
    "gcp:bigquery/table:Table": "google_bigquery_table",
    "gcp:cloudrunv2/job:Job": "google_cloud_run_v2_job",
    "gcp:cloudrunv2/jobIamMember:JobIamMember": "google_cloud_run_v2_job_iam_member",
    "gcp:cloudscheduler/job:Job": "google_cloud_scheduler_job",
    "gcp:compute/firewall:Firewall": "google_compute_firewall",
    "gcp:compute/instance:Instance": "google_compute_instance",
    "gcp:compute/network:Network": "google_compute_network",
    "gcp:compute/router:Router": "google_compute_router",
    "gcp:compute/routerNat:RouterNat": "google_compute_router_nat",
    "gcp:compute/subnetwork:Subnetwork": "google_compute_subnetwork",
    "gcp:container/cluster:Cluster": "google_container_cluster",
    "gcp:container/nodePool:NodePool": "google_container_node_pool",
    "gcp:dataflow/flexTemplateJob:FlexTemplateJob": "google_dataflow_flex_template_job",
    "gcp:firestore/database:Database": "google_firestore_database",
    "gcp:iam/workloadIdentityPool:WorkloadIdentityPool": "google_iam_workload_identity_pool",
    "gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider": "google_iam_workload_identity_pool_provider",
    "gcp:monitoring/alertPolicy:AlertPolicy": "google_monitoring_alert_policy",
    "gcp:monitoring/notificationChannel:NotificationChannel": "google_monitoring_notification_channel",
    "gcp:projects/iAMCustomRole:IAMCustomRole": "google_project_iam_custom_role",
    "gcp:projects/iAMMember:IAMMember": "google_project_iam_member",
    "gcp:projects/service:Service": "google_project_service",
    "gcp:projects/serviceIdentity:ServiceIdentity": "google_project_service_identity",
    "gcp:pubsub/subscription:Subscription": "google_pubsub_subscription",
    "gcp:pubsub/subscriptionIAMMember:SubscriptionIAMMember": "google_pubsub_subscription_iam_member",
    "gcp:pubsub/topic:Topic": "google_pubsub_topic",
    "gcp:pubsub/topicIAMMember:TopicIAMMember": "google_pubsub_topic_iam_member",
    "gcp:secretmanager/secret:Secret": "google_secret_manager_secret",
    "gcp:secretmanager/secretIamMember:SecretIamMember": "google_secret_manager_secret_iam_member",
    "gcp:serviceaccount/account:Account": "google_service_account",
    "gcp:serviceaccount/iAMMember:IAMMember": "google_service_account_iam_member",
    "gcp:serviceusage/consumerQuotaOverride:ConsumerQuotaOverride": "google_service_usage_consumer_quota_override",
    "gcp:storage/bucket:Bucket": "google_storage_bucket",
    "gcp:storage/bucketIAMMember:BucketIAMMember": "google_storage_bucket_iam_member",
    "gcp:vertex/aiEndpoint:AiEndpoint": "google_vertex_ai_endpoint",
    "gcp:vertex/aiTensorboard:AiTensorboard": "google_vertex_ai_tensorboard",
}

# Not bridged from Terraform: pulumi-kubernetes 4.0.0 decides these itself.
#  - provider/pkg/provider/diff.go: forceNewProperties = metadataForceNewProperties (.metadata.name,
#    .metadata.namespace) plus per-kind fields (ResourceQuota: .spec.scopes); everything else patches.
#  - provider/pkg/provider/provider.go DiffConfig: a provider whose kubeconfig's active cluster changes
#    is replaced (every changed key becomes a replace), and with it every resource it manages.
K8S_SOURCE = ["pulumi/pulumi-kubernetes v4.0.0 provider/pkg/provider/diff.go"]
# type -> (ForceNew paths, source); every other input patches in place
K8S = {
    # kind is part of the resource's type token (its URN): another kind is another resource, created anew
    "kubernetes:core/v1:Namespace": (["kind", "metadata.name", "metadata.namespace"], K8S_SOURCE),
    "kubernetes:core/v1:LimitRange": (["kind", "metadata.name", "metadata.namespace"], K8S_SOURCE),
    "kubernetes:core/v1:ResourceQuota": (["kind", "metadata.name", "metadata.namespace", "spec.scopes"], K8S_SOURCE),
    "kubernetes:core/v1:ServiceAccount": (["kind", "metadata.name", "metadata.namespace"], K8S_SOURCE),
    "pulumi:providers:kubernetes": (["kubeconfig"], ["pulumi/pulumi-kubernetes v4.0.0 provider/pkg/provider/provider.go DiffConfig"]),
}
# Replacement decided by CustomizeDiff code, not by the ForceNew flag: the rule itself is coded in synth/BigQuerySchemaChange.
CONDITIONAL = {
    "gcp:bigquery/table:Table": {"schema": "google-beta/services/bigquery/resource_bigquery_table.go "
                                           "resourceBigQueryTableSchemaCustomizeDiffFunc: replaces unless every old column stays "
                                           "with its name and type, no mode is tightened and no REQUIRED column is added"},
}

ROOT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/tpg"
TABLE = "src/main/resources/lifecycle/google-beta-5.0.0.json"
GB = os.path.join(ROOT, "google-beta")


def read_all_go():
    files = {}
    for d, _, names in os.walk(GB):
        for n in names:
            if n.endswith(".go") and not n.endswith("_test.go"):
                p = os.path.join(d, n)
                with open(p, encoding="utf-8") as f:
                    files[os.path.relpath(p, ROOT)] = strip_comments(f.read())
    return files


def strip_comments(s):
    out, i, n = [], 0, len(s)
    while i < n:
        c = s[i]
        if c == '"':
            j = i + 1
            while s[j] != '"':
                j += 2 if s[j] == "\\" else 1
            out.append(s[i:j + 1]); i = j + 1
        elif c == "`":
            j = s.index("`", i + 1); out.append(s[i:j + 1]); i = j + 1
        elif c == "'":
            j = i + 1
            while s[j] != "'":
                j += 2 if s[j] == "\\" else 1
            out.append(s[i:j + 1]); i = j + 1
        elif s.startswith("//", i):
            j = s.find("\n", i); i = n if j < 0 else j
        elif s.startswith("/*", i):
            i = s.index("*/", i) + 2
        else:
            out.append(c); i += 1
    return "".join(out)


def close(s, i, open_ch="{", close_ch="}"):
    """Index of the bracket closing the one at s[i], skipping strings."""
    depth, j = 0, i
    while True:
        c = s[j]
        if c in "\"`'":
            end = c
            j += 1
            while s[j] != end:
                j += 2 if (s[j] == "\\" and end != "`") else 1
        elif c == open_ch:
            depth += 1
        elif c == close_ch:
            depth -= 1
            if depth == 0:
                return j
        j += 1


def shallow(body):
    """The body with nested {...} blanked: what belongs to this level only."""
    out, depth = [], 0
    for c in body:
        if c == "{":
            depth += 1
        if depth == 0:
            out.append(c)
        if c == "}":
            depth -= 1
    return "".join(out)


class Schema:
    def __init__(self):
        self.defs = {}   # name -> (file, text after the signature)
        self.files = read_all_go()
        for f, s in self.files.items():
            for m in re.finditer(r"\nfunc (\w+)\([^)]*\)\s*(\*schema\.Schema|\*schema\.Resource|map\[string\]\*schema\.Schema)\s*{", s):
                self.defs[m.group(1)] = (f, s, m.end() - 1)
            for m in re.finditer(r"\nvar (\w+)\s*=\s*map\[string\]\*schema\.Schema\s*{", s):
                self.defs[m.group(1)] = (f, s, m.end() - 1)

    def node_from_ref(self, expr):
        name = re.sub(r"^\w+\.", "", expr.strip().rstrip(",").split("(")[0].strip())
        if name not in self.defs:
            return None
        f, s, at = self.defs[name]
        body = s[at:close(s, at) + 1]
        if body.lstrip("{").lstrip().startswith("return"):
            r = re.search(r"return\s+(&schema\.Schema|&schema\.Resource|map\[string\]\*schema\.Schema)\s*{", body)
            if not r:
                return None
            start = r.end() - 1
            inner = body[start:close(body, start) + 1]
            kind = r.group(1)
        else:
            inner, kind = body, ("map" if "var " in s[max(0, at - 200):at] or True else "")
            r = re.search(r"\nvar " + name + r"\s*=", s)
            kind = "map" if r else "func"
            if kind == "func":
                # a function that builds the schema then returns it: take its first schema literal
                r2 = re.search(r"(&schema\.Schema|&schema\.Resource|map\[string\]\*schema\.Schema)\s*{", body)
                if not r2:
                    return self.derived(name, body)
                start = r2.end() - 1
                inner = body[start:close(body, start) + 1]
                kind = r2.group(1)
        if "Resource" in kind:
            return {"children": self.resource_schema(inner), "forceNew": False}
        if kind.startswith("map") or kind == "map":
            return {"children": self.parse_map(inner), "forceNew": False}
        return self.parse_entry(inner)

    def derived(self, name, body):
        """A schema function that starts from another one and marks fields ForceNew
        (clusterSchemaNodeConfig: schemaNodeConfig() plus tpgresource.ChangeFieldSchemaToForceNew
        on forceNewClusterNodeConfigFields, services/container/resource_container_cluster.go)."""
        call = re.search(r":=\s*(\w+)\(\)", body)
        if not call:
            return None
        node = self.node_from_ref(call.group(1) + "()")
        loop = re.search(r"range\s+(\w+)\s*{[^}]*ChangeFieldSchemaToForceNew", body)
        if node and loop:
            for f, src in self.files.items():
                m = re.search(loop.group(1) + r"\s*=\s*\[\]string{([^}]*)}", src)
                if m:
                    for field in re.findall(r'"(\w+)"', m.group(1)):
                        if field in (node["children"] or {}):
                            node["children"][field] = dict(node["children"][field], forceNew=True)
        return node

    def resource_schema(self, text):
        m = re.search(r"Schema:\s*map\[string\]\*schema\.Schema\s*{", text)
        if m and shallow(text[1:-1]).find("Schema:") >= 0:
            start = m.end() - 1
            return self.parse_map(text[start:close(text, start) + 1])
        m = re.search(r"Schema:\s*([\w.]+)\(?", text)
        if m:
            n = self.node_from_ref(m.group(1) + "()")
            return n["children"] if n else {}
        return {}

    def parse_map(self, text):
        entries, j, end = {}, 1, len(text) - 1
        key = re.compile(r'\s*"([a-z0-9_]+)"\s*:\s*')
        while j < end:
            m = key.match(text, j)
            if not m:
                j += 1
                continue
            k, j = m.group(1), m.end()
            if text.startswith("&schema.Schema", j):
                j = text.index("{", j)
            if text[j] == "{":
                e = close(text, j)
                entries[k] = self.parse_entry(text[j:e + 1])
                j = e + 1
            else:
                depth, s0 = 0, j
                while j < end and not (depth == 0 and text[j] == ","):
                    depth += text[j] in "({"
                    depth -= text[j] in ")}"
                    j += 1
                entries[k] = self.node_from_ref(text[s0:j]) or {"forceNew": False, "children": None, "unresolved": text[s0:j]}
        return entries

    def parse_entry(self, body):
        top = shallow(body[1:-1])
        node = {"forceNew": bool(re.search(r"ForceNew:\s*true", top)), "children": None,
                "map": bool(re.search(r"Type:\s*schema\.TypeMap", top))}
        m = re.search(r"Elem:\s*&schema\.Resource\s*{", body)
        if m and body[:m.start()].count("{") - body[:m.start()].count("}") == 1:
            start = m.end() - 1
            node["children"] = self.resource_schema(body[start:close(body, start) + 1])
        else:
            m = re.search(r"Elem:\s*([\w.]+\(\))", top)
            if m:
                n = self.node_from_ref(m.group(1))
                if n:
                    node["children"] = n["children"]
        return node

    def resource(self, tf):
        prov = self.files["google-beta/provider/provider.go"]
        exprs = [m.group(1) for m in re.finditer(r'"' + tf + r'":\s*([^\n]+),\n', prov) if "DataSource" not in m.group(1)]
        expr = exprs[0]
        if expr.startswith("tpgiamresource.ResourceIamMember("):
            parent = expr[len("tpgiamresource.ResourceIamMember("):].split(",")[0].strip()
            schema = dict(self.node_from_ref("IamMemberBaseSchema")["children"])
            schema.update(self.node_from_ref(parent)["children"])
            return schema, [self.defs["IamMemberBaseSchema"][0], self.defs[parent.split(".")[-1]][0]]
        fn = expr.split(".")[-1].rstrip("()")
        f, s, at = self.defs[fn]
        body = s[at:close(s, at) + 1]
        merged = re.search(r"Schema:\s*tpgresource\.MergeSchemas\(\s*(\w+),\s*map\[string\]\*schema\.Schema\s*{", body)
        if merged:
            # MergeSchemas(a, b): b's entries over a's (tpgresource/utils.go)
            schema = dict(self.node_from_ref(merged.group(1))["children"])
            start = merged.end() - 1
            schema.update(self.parse_map(body[start:close(body, start) + 1]))
            return schema, [f]
        m = re.search(r"Schema:\s*map\[string\]\*schema\.Schema\s*{", body)
        start = m.end() - 1
        return self.parse_map(body[start:close(body, start) + 1]), [f]


def snake(name):
    return re.sub(r"([A-Z])", lambda m: "_" + m.group(1).lower(), name)


def child(children, pulumi_name):
    base = snake(pulumi_name)
    for cand in (base, base[:-1] if base.endswith("s") else None, base[:-3] + "y" if base.endswith("ies") else None,
                 base[:-2] if base.endswith("es") else None):
        if cand and cand in children:
            return cand
    return None


def has_force_new(node):
    if node["forceNew"]:
        return True
    return any(has_force_new(c) for c in (node["children"] or {}).values())


def classify(schema, path, blocks):
    """(decision, pulumi path prefix) for one input path; decision is replace, update or unknown.

    terraform-plugin-sdk v2 helper/schema/schema.go (diffList, diffSet): a list or set of nested
    blocks passes its ForceNew only to its element count (a block added or removed replaces); each
    nested field then diffs with its own ForceNew. A list of primitives passes ForceNew to every
    element; a map's ForceNew covers its keys. Blocks whose count forces replacement go to `blocks`.
    """
    parts = [p for p in re.sub(r"\[\d+\]", "", path).split(".") if p]
    children, prefix = schema, []
    for i, p in enumerate(parts):
        name = child(children, p) if children else None
        if name is None:
            return ("unknown", ".".join(prefix + [p]))
        node = children[name]
        prefix.append(p)
        if not node["children"] or node.get("map"):
            return ("replace" if node["forceNew"] else "update", ".".join(prefix))
        if node["forceNew"]:
            blocks.add(".".join(prefix))
        if i == len(parts) - 1:
            return ("replace" if node["forceNew"] else "update", ".".join(prefix))
        if not any(has_force_new(c) for c in node["children"].values()):
            return ("update", ".".join(prefix))
        children = node["children"]
    return ("update", ".".join(prefix))


def leaves(prefix, node, out):
    if isinstance(node, dict) and node:
        for k, v in node.items():
            leaves(prefix + "." + k if prefix else k, v, out)
    elif isinstance(node, list) and node:
        for i, v in enumerate(node):
            leaves(prefix + "[" + str(i) + "]", v, out)
    else:
        out.add(prefix)


def covered(rules, path):
    return any(path == r or path.startswith(r + ".") for r in rules)


def main():
    sch = Schema()
    with open(TABLE, encoding="utf-8") as f:
        table = json.load(f)
    rows = {}
    for r in table["inputs"]:
        rows.setdefault(r["type"], {})[r["input"]] = r["onChange"]
    paths = {t: set(inputs) for t, inputs in rows.items()}
    planned = {}
    for stack in ("dev", "prod"):
        with open(f"stacks/{stack}.plan.json", encoding="utf-8") as f:
            for r in json.load(f)["resources"]:
                if r.get("custom", True):
                    leaves("", r["inputs"], planned.setdefault(r["type"], set()))
    problems = []
    for t, ps in sorted(planned.items()):
        paths.setdefault(t, set()).update(re.sub(r"\[\d+\]", "", p) for p in ps)
        for p in sorted(ps):
            if not any(re.sub(r"\[\d+\]", "", p) == i or re.sub(r"\[\d+\]", "", p).startswith(i + ".") for i in rows.get(t, {})):
                problems.append(f"no row: {t} {p}")
    types = {}
    for t in sorted(paths):
        if t in TF:
            schema, files = sch.resource(TF[t])
            blocks = set()
            for p in sorted(paths[t]):
                decision, prefix = classify(schema, p, blocks)
                if decision == "unknown":
                    problems.append(f"unknown: {t} {p} ({prefix} not in the schema)")
                elif p in rows.get(t, {}) and (decision == "replace") != (rows[t][p] == "replace"):
                    problems.append(f"disagrees: {t} {p}: {'ForceNew' if decision == 'replace' else 'not ForceNew'} in the schema, "
                                    f"onChange {rows[t][p]} in the table")
            types[t] = {"resource": TF[t], "source": sorted(files), "forceNewWhenAddedOrRemoved": sorted(blocks)}
        elif t in K8S:
            force, source = K8S[t]
            for p, change in sorted(rows.get(t, {}).items()):
                if covered(force, p) != (change == "replace"):
                    problems.append(f"disagrees: {t} {p}: onChange {change} in the table, pulumi-kubernetes "
                                    f"{'forces' if covered(force, p) else 'does not force'} a new object")
            types[t] = {"resource": t, "source": source, "forceNewWhenAddedOrRemoved": []}
        else:
            problems.append(f"no provider schema known for {t}: add it to TF or K8S")
    for t, rules in CONDITIONAL.items():
        types[t]["conditional"] = rules
    replacement = dict(table.get("replacement", {}))
    replacement["generatedBy"] = "tools/forcenew/extract.py"
    replacement["types"] = types
    table["replacement"] = replacement
    for p in problems:
        print(p, file=sys.stderr)
    sys.stdout.write(json.dumps(table, indent=1) + "\n")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
