package dev.ownership.bot.digest;

/** What the digest needs from Slack. Implemented by the Slack edge; calls may block on the network. */
public interface DigestMessenger {
    /**
     * Sends {@code digest} by DM to {@code recipientId}, with its trend chart when it can be uploaded.
     *
     * @return the DM's channel and ts, or the error that stopped it
     */
    Delivery send(String recipientId, Digest digest, byte[] chartPng);

    /** Sends {@code recipientId} a preview of {@code digest} (the week so far) by DM, marked as a preview. */
    void sendPreview(String recipientId, Digest digest);

    /** The result of sending a digest. */
    record Delivery(boolean sent, String dmChannel, String dmTs, String error) {
        public static Delivery sent(String dmChannel, String dmTs) {
            return new Delivery(true, dmChannel, dmTs, null);
        }

        public static Delivery failed(String error) {
            return new Delivery(false, null, null, error);
        }
    }
}
