package org.hotelmesh.support.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;

/**
 * One service's table of who may call which of its gRPC methods, in one readable place: a service subclasses this,
 * lists its rules in its constructor and makes it a bean. A method without a rule is refused; a service whose table
 * misses one of its own methods does not start. Reflection is open to authenticated tools only; the gRPC health
 * service to every authenticated caller.
 */
public abstract class AccessPolicy {

    private static final AccessRule TOOLS = AccessRule.services().orTools();
    private static final Map<String, AccessRule> COMMON = Map.of(
            "grpc.reflection.v1alpha.ServerReflection", TOOLS,
            "grpc.reflection.v1.ServerReflection", TOOLS,
            "grpc.health.v1.Health", AccessRule.anyone());

    private final Map<String, AccessRule> rules = new HashMap<>();

    protected AccessPolicy() {
    }

    protected final void rule(MethodDescriptor<?, ?> method, AccessRule rule) {
        if (rules.putIfAbsent(method.getFullMethodName(), rule) != null) {
            throw new IllegalStateException("two access rules for " + method.getFullMethodName());
        }
    }

    /** Fails unless every method of these services has its rule: a new RPC is closed until someone opens it. */
    protected final void coverAll(List<ServiceDescriptor> services) {
        List<String> missing = services.stream()
                .flatMap(s -> s.getMethods().stream())
                .map(MethodDescriptor::getFullMethodName)
                .filter(name -> !rules.containsKey(name))
                .sorted()
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no access rule for " + String.join(", ", missing));
        }
    }

    /** The rule for a method ({@code package.Service/Method}); empty when it has none (the call is refused). */
    public Optional<AccessRule> ruleFor(String fullMethodName) {
        AccessRule rule = rules.get(fullMethodName);
        if (rule != null) {
            return Optional.of(rule);
        }
        return Optional.ofNullable(COMMON.get(MethodDescriptor.extractFullServiceName(fullMethodName)));
    }
}
