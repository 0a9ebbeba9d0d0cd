package org.hotelmesh.support.identity;

import java.util.Set;

/**
 * Who may call one gRPC method: the services named, and internal tools (any tool, or only those granted a role).
 * The end user's own rights are checked by the method itself (see {@link Access}), since they depend on what the
 * request names.
 */
public final class AccessRule {

    private final Set<String> services;
    private final boolean anyService;
    private final boolean tools;
    private final String toolRole;

    private AccessRule(Set<String> services, boolean anyService, boolean tools, String toolRole) {
        this.services = Set.copyOf(services);
        this.anyService = anyService;
        this.tools = tools;
        this.toolRole = toolRole;
    }

    /** Only these services (by workload name); no tool. */
    public static AccessRule services(String... names) {
        return new AccessRule(Set.of(names), false, false, null);
    }

    /** Every service of the mesh and every tool: reads of public data (the catalog, prices, availability). */
    public static AccessRule anyone() {
        return new AccessRule(Set.of(), true, true, null);
    }

    /** These services, and every authenticated tool (a read). */
    public AccessRule orTools() {
        return new AccessRule(services, anyService, true, null);
    }

    /** These services, and the tools granted {@code role} (a write). */
    public AccessRule orToolsWith(String role) {
        return new AccessRule(services, anyService, true, role);
    }

    public boolean allows(Caller caller) {
        if (caller.tool()) {
            return tools && (toolRole == null || caller.hasRole(toolRole));
        }
        return anyService || services.contains(caller.name());
    }

    /** Why {@code caller} is refused, in words an operator can act on. */
    String refusal(Caller caller, String method) {
        if (caller.tool() && tools) {
            return method + " needs the role " + toolRole + ", which " + caller.name() + " is not granted";
        }
        return method + " is not open to " + caller.name() + (services.isEmpty() ? ""
                : "; only to " + String.join(", ", services.stream().sorted().toList()))
                + (tools ? (toolRole == null ? " and tools" : " and tools with the role " + toolRole) : "");
    }
}
