package com.nexustrade.repro.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven filtered into repro-version.properties, so --version and reports name the build. */
public final class ReproVersion implements IVersionProvider {

    public static String version() {
        try (InputStream in = ReproVersion.class.getResourceAsStream("/repro-version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"repro " + version() + " (incident 04 reproduction tool, Java " + Runtime.version() + ")"};
    }
}
