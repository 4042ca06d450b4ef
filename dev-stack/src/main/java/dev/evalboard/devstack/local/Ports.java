package dev.evalboard.devstack.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Checks that a port is free before a server is started on it, so the user gets a clear message. */
final class Ports {
    private Ports() {
    }

    static void requireFree(int port, String what, String setting) {
        if (port > 65535) {
            throw new StartupProblem("port " + port + " (" + what + ") is beyond 65535; set " + setting
                    + " to a lower port");
        }
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new StartupProblem("port " + port + " (" + what + ") is already in use; stop what uses it or set "
                    + setting + " to another port");
        }
    }
}
