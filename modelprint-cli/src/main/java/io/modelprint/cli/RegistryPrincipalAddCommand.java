package io.modelprint.cli;

import io.modelprint.registry.OpenIntent;
import io.modelprint.registry.RegistryDatabase;
import io.modelprint.registry.service.IssuedToken;
import io.modelprint.registry.service.Principals;
import io.modelprint.registry.service.Role;
import io.modelprint.service.Lifetimes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Make a principal of registry serve and print its bearer token, once: only the SHA-256 of its secret is"
                + " stored, so a lost token cannot be shown again (make another with --new-token).",
            "An owner principal speaks for the registry owner name it is called by."})
final class RegistryPrincipalAddCommand implements Callable<Integer> {
    @Option(names = "--name", required = true, description = "the principal's name (an owner: its owner name in the registry)")
    String name;

    @Option(names = "--role", required = true, description = "owner, hub, auditor or admin")
    String role;

    @Option(names = "--expires-in", paramLabel = "LIFETIME", description = "the token's lifetime: e.g. 90d, 12h, 30m (default:"
            + " never; revoke it over the API)")
    String expiresIn;

    @Option(names = "--new-token", description = "issue another token to an existing principal of this name and role")
    boolean newToken;

    @Mixin
    FormatOption format;

    @Mixin
    DbOption db;

    @Override
    public Integer call() {
        Role parsed = Role.parse(role);
        var lifetime = Lifetimes.parse("--expires-in", expiresIn);
        try (RegistryDatabase database = db.open(OpenIntent.WRITE)) {
            Principals principals = new Principals(database);
            IssuedToken issued;
            if (newToken) {
                var existing = principals.find(name);
                if (existing == null || existing.role() != parsed) {
                    throw new io.modelprint.InputException("--new-token: no principal '" + Terminal.safe(name) + "' with role " + role);
                }
                issued = principals.issueToken(name, lifetime);
            } else {
                issued = principals.add(name, parsed, lifetime);
            }
            if (format.json()) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("name", issued.principal().name());
                doc.put("role", issued.principal().role().label());
                doc.put("token", issued.token());
                doc.put("tokenId", issued.tokenId());
                doc.put("expiresAt", issued.expiresAt());
                JsonOutput.print(doc);
            } else {
                System.err.println((newToken ? "new token for " : "added ") + issued.principal().role().label() + " '"
                        + Terminal.safe(issued.principal().name()) + "' to " + database.location().describe() + "; token (shown"
                        + " once, expires " + (issued.expiresAt() == null ? "never" : issued.expiresAt()) + "):");
                System.out.println(issued.token());
            }
        }
        return ExitCode.OK;
    }
}
