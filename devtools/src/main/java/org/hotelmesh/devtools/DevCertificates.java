package org.hotelmesh.devtools;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A development certificate authority and the services' certificates, for ./mesh up and the tests, as cert-manager
 * would issue them in a cluster. Everything under DIR (git-ignored): ca.pem and ca-key.pem, and per service
 * NAME.pem and NAME-key.pem, valid for localhost, 127.0.0.1, ::1 and the service's name. A real deployment never
 * sees these.
 *
 * <pre>
 * java -cp ... org.hotelmesh.devtools.DevCertificates DIR NAME...
 * </pre>
 */
public final class DevCertificates {

    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration VALIDITY = Duration.ofDays(90);
    /** A certificate this close to its end is issued again. */
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private DevCertificates() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: DevCertificates DIR NAME...");
            System.exit(2);
        }
        for (int i = 1; i < args.length; i++) {
            serviceTls(Path.of(args[0]), args[i]);
        }
    }

    /**
     * The settings of a service that speaks TLS with a certificate of the development CA under {@code dir} (made
     * unless it exists, issued again when it nears its end), and verifies its peers with that CA.
     */
    public static synchronized Map<String, String> serviceTls(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Path caCert = dir.resolve("ca.pem");
            Path caKey = dir.resolve("ca-key.pem");
            if (!Files.exists(caCert) || !Files.exists(caKey)) {
                KeyPair ca = keyPair();
                X500Name subject = new X500Name("CN=hotelmesh development CA");
                X509Certificate certificate = sign(subject, ca.getPublic(), subject, ca, CA_VALIDITY, true,
                        List.of());
                write(caKey, pkcs8(ca.getPrivate()));
                write(caCert, pem(certificate));
            }
            Path cert = dir.resolve(name + ".pem");
            Path key = dir.resolve(name + "-key.pem");
            if (!Files.exists(cert) || !Files.exists(key) || endsSoon(cert) || olderThan(cert, caCert)) {
                X509Certificate ca = read(caCert);
                PrivateKey caPrivate = readKey(caKey);
                KeyPair pair = keyPair();
                List<GeneralName> names = new ArrayList<>(List.of(new GeneralName(GeneralName.dNSName, "localhost"),
                        new GeneralName(GeneralName.dNSName, name),
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                        new GeneralName(GeneralName.iPAddress, "::1")));
                X509Certificate certificate = sign(new X500Name("CN=" + name), pair.getPublic(),
                        X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
                        new KeyPair(ca.getPublicKey(), caPrivate), VALIDITY, false, names);
                write(key, pkcs8(pair.getPrivate()));
                write(cert, pem(certificate));
            }
            Map<String, String> config = new HashMap<>();
            config.put("hotelmesh.tls.cert", cert.toAbsolutePath().toString());
            config.put("hotelmesh.tls.key", key.toAbsolutePath().toString());
            config.put("hotelmesh.tls.ca", caCert.toAbsolutePath().toString());
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("could not make development certificates under " + dir, e);
        }
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(X500Name subject, java.security.PublicKey subjectKey, X500Name issuer,
            KeyPair issuerKeys, Duration validity, boolean ca, List<GeneralName> names)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        Instant now = Instant.now();
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(96, RANDOM),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), subject, subjectKey);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey));
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                extensions.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
        if (ca) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(names.toArray(GeneralName[]::new)));
        }
        X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate()));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    private static boolean endsSoon(Path cert) throws IOException, GeneralSecurityException {
        return read(cert).getNotAfter().toInstant().isBefore(Instant.now().plus(RENEW_BEFORE));
    }

    private static boolean olderThan(Path cert, Path ca) throws IOException {
        return Files.getLastModifiedTime(cert).compareTo(Files.getLastModifiedTime(ca)) < 0;
    }

    private static X509Certificate read(Path pem) throws IOException, GeneralSecurityException {
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(pem))) {
            return new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) parser.readObject());
        }
    }

    private static PrivateKey readKey(Path pem) throws IOException {
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(pem))) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            return converter.getPrivateKey((org.bouncycastle.asn1.pkcs.PrivateKeyInfo) object);
        }
    }

    private static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }

    private static String pkcs8(PrivateKey key) throws IOException {
        return pem(new JcaPKCS8Generator(key, null));
    }

    private static void write(Path file, String content) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        Files.writeString(temporary, content);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
