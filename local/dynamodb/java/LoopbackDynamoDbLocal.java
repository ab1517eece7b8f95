import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * Starts DynamoDB Local listening on 127.0.0.1 only. DynamoDB Local has no option for the
 * address it binds (its Jetty server listens on every interface), and it has no authentication:
 * anyone on the network could read and change the tables. This launcher takes the same
 * command-line options, builds the server as DynamoDB Local's own main does, sets the host of its
 * connectors to the loopback address, and starts it. Telemetry is never configured, so none is
 * sent. Run with Java's single-file source launcher: `java -cp DynamoDBLocal.jar <this file> ...`.
 */
public class LoopbackDynamoDbLocal {
  public static void main(String[] args) throws Exception {
    String host = System.getProperty("dynamodb.local.host", "127.0.0.1");
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Server server = jettyServerOf(proxy);
    for (Connector connector : server.getConnectors()) {
      if (connector instanceof ServerConnector) ((ServerConnector) connector).setHost(host);
      else if (connector instanceof NetworkConnector) {
        throw new IllegalStateException("cannot bind " + connector + " to " + host);
      }
    }
    proxy.start();
    System.out.println("DynamoDB Local listening on " + host);
  }

  private static Server jettyServerOf(DynamoDBProxyServer proxy) throws IllegalAccessException {
    for (Field field : DynamoDBProxyServer.class.getDeclaredFields()) {
      if (Server.class.isAssignableFrom(field.getType())) {
        field.setAccessible(true);
        return (Server) field.get(proxy);
      }
    }
    throw new IllegalStateException("DynamoDB Local has no Jetty server field: its internals changed");
  }
}
