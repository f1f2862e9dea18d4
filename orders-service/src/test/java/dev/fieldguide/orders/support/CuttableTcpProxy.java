package dev.fieldguide.orders.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay in front of a real server (PostgreSQL, say) that a test can cut: every open
 * connection is closed and new ones are refused, as when the server's host goes away, while the
 * server itself keeps running for the rest of the suite.
 */
public final class CuttableTcpProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  private CuttableTcpProxy(ServerSocket listener, InetSocketAddress target) {
    this.listener = listener;
    this.target = target;
  }

  /** A relay on a free loopback port to {@code host:port}, accepting from now on. */
  public static CuttableTcpProxy to(String host, int port) throws IOException {
    var proxy = new CuttableTcpProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()),
        new InetSocketAddress(host, port));
    Thread.ofVirtual().name("tcp-proxy-accept").start(proxy::accept);
    return proxy;
  }

  /** The port clients connect to instead of the target's. */
  public int port() {
    return listener.getLocalPort();
  }

  /** Closes every relayed connection and stops listening: connections are refused from now on. */
  public void cut() {
    close();
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      // closing: nothing left to do
    }
    open.forEach(CuttableTcpProxy::closeQuietly);
  }

  private void accept() {
    while (!listener.isClosed()) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return; // cut
      }
      try {
        Socket server = new Socket(target.getAddress(), target.getPort());
        open.add(client);
        open.add(server);
        Thread.ofVirtual().start(() -> pump(client, server));
        Thread.ofVirtual().start(() -> pump(server, client));
      } catch (IOException e) {
        closeQuietly(client); // the target refused: so does the relay
      }
    }
  }

  private void pump(Socket from, Socket to) {
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      // one side closed
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
