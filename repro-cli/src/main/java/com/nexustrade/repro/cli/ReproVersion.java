package com.nexustrade.repro.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version and commit Maven filtered into repro-version.properties, so --version and reports name the build. */
public final class ReproVersion implements IVersionProvider {

    public static String version() {
        return build().getProperty("version", "unknown");
    }

    public static String commit() {
        String commit = build().getProperty("commit", "unknown");
        return commit.startsWith("${") ? "unknown" : commit; // built without .git: the placeholder stayed
    }

    private static Properties build() {
        Properties properties = new Properties();
        try (InputStream in = ReproVersion.class.getResourceAsStream("/repro-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource leaves "unknown"
        }
        return properties;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"repro " + version() + " (commit " + commit() + "; incident 04 reproduction tool, Java "
                + Runtime.version() + ")"};
    }
}
