package dev.notif.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** notif's own version, filtered into a resource by the build. */
public final class Version {
    private static String version;

    private Version() {
    }

    public static synchronized String get() {
        if (version == null) {
            Properties p = new Properties();
            try (InputStream in = Version.class.getResourceAsStream("/dev/notif/version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                // fall through to "unknown"
            }
            version = p.getProperty("version", "unknown");
        }
        return version;
    }
}
