package org.socialcarebridge.persistence;

import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Plays the plugin in a JVM of its own (H2 reads where its server listens once per JVM): opens the
 * embedded store under the data folder given, then prints where H2's mixed-mode server says it listens
 * and from which of this machine's other addresses its port answers.
 */
public final class StoreHolder {
    private StoreHolder() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        try (Database db = Database.open(StoreSettings.from(Map.of(), data))) {
            Properties lock = new Properties();
            try (Reader in = Files.newBufferedReader(data.resolve("socialcare/socialcare.lock.db"))) {
                lock.load(in);
            }
            String server = lock.getProperty("server");
            int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
            List<String> reachable = new ArrayList<>();
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address.isLoopbackAddress() || address.isLinkLocalAddress()) {
                        continue;
                    }
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(address, port), 500);
                        reachable.add(address.getHostAddress());
                    } catch (java.io.IOException refused) {
                        // what a loopback-only server answers
                    }
                }
            }
            System.out.println("server=" + server);
            System.out.println("reachable=" + String.join(",", reachable));
        }
    }
}
