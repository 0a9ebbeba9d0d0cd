package org.hotelmesh.edge.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Whose address a request counts against, behind how many trusted proxies (the right-most rule). */
class ClientAddressTest {

    private static final String PEER = "10.0.0.5";

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertEquals(PEER, RateLimitFilter.clientAddress("203.0.113.9", PEER, 0));
    }

    @Test
    void behindOneProxyTheRightMostEntryIsTheClientWhateverTheClientWroteBeforeIt() {
        // the client wrote "1.1.1.1"; the Ingress appended the address it saw
        assertEquals("203.0.113.9", RateLimitFilter.clientAddress("1.1.1.1, 203.0.113.9", PEER, 1));
        assertEquals("203.0.113.9", RateLimitFilter.clientAddress("203.0.113.9", PEER, 1));
    }

    @Test
    void behindTwoProxiesTheSecondFromTheRight() {
        // client -> CDN (appends the client) -> Ingress (appends the CDN)
        assertEquals("203.0.113.9", RateLimitFilter.clientAddress("6.6.6.6, 203.0.113.9, 198.51.100.1", PEER, 2));
    }

    @Test
    void aShorterChainThanTheProxiesTakesItsFirstEntryAndNoHeaderTheTcpPeer() {
        assertEquals("203.0.113.9", RateLimitFilter.clientAddress("203.0.113.9", PEER, 2));
        assertEquals(PEER, RateLimitFilter.clientAddress(null, PEER, 1));
        assertEquals(PEER, RateLimitFilter.clientAddress(" , ", PEER, 1));
    }
}
