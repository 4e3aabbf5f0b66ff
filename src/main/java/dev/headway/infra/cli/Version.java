package dev.headway.infra.cli;

import picocli.CommandLine;

/** {@code --version}: the jar's implementation version and the pinned SDKs. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[]{"headway-infra " + (v == null ? "(development build)" : v),
                "pulumi-java sdk 1.36.1, pulumi-gcp 7.0.0, pulumi-kubernetes 4.0.0"};
    }
}
