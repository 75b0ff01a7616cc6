import dev.notif.amazon.RtnMessage;
import dev.notif.amazon.SnsMessage;
import dev.notif.amazon.ThrowawaySigner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The input of the `verify amazon` benchmark: an SNS Notification carrying a Real-time Notification, signed
 * (SignatureVersion 2) by a throwaway certificate, and that certificate, so that verify runs offline with --cert.
 * Usage: AmazonMessage MESSAGE_FILE CERT_FILE.
 */
public final class AmazonMessage {
    public static void main(String[] args) throws Exception {
        Instant now = Instant.now();
        ThrowawaySigner signer = ThrowawaySigner.generate(now);
        SnsMessage unsigned = new SnsMessage("Notification", "b1c4d9bb-0fd9-54b2-8f74-8e59c91e396a", null,
            "arn:aws:sns:us-east-1:123456789012:LT0XA", null,
            RtnMessage.of("SUBSCRIPTION_PURCHASED", "com.example.app", null, null, false, now).toJson(), null,
            now.toString(), null, null, null, "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe");
        String certUrl = "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-a86cb10b4e1f.pem";
        Files.writeString(Path.of(args[0]), signer.sign(unsigned, "2", certUrl).body());
        Files.writeString(Path.of(args[1]), signer.certificatePem());
    }
}
