package org.hotelmesh.devtools;

import java.io.File;
import java.nio.file.Path;

import javax.net.ssl.SSLException;

import io.grpc.ManagedChannel;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;

/** Channels to a service started here, over TLS verified with the development CA, as the services call each other. */
public final class GrpcChannels {

    private GrpcChannels() {
    }

    /** A TLS channel to {@code host:port} whose certificate the CA at {@code ca} (PEM) must have issued. */
    public static NettyChannelBuilder tls(String host, int port, Path ca) {
        try {
            return NettyChannelBuilder.forAddress(host, port)
                    .sslContext(GrpcSslContexts.forClient().trustManager(new File(ca.toString())).build());
        } catch (SSLException e) {
            throw new IllegalStateException("cannot trust the CA at " + ca, e);
        }
    }
}
