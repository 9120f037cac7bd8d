package dev.ownership.bot.prompt;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what the prompt work would have sent to Slack; can refuse DMs to chosen people. */
final class FakeMessenger implements PromptMessenger {
    final List<PromptDm> prompts = new CopyOnWriteArrayList<>();
    final List<String> updates = new CopyOnWriteArrayList<>();
    final List<String> learnings = new CopyOnWriteArrayList<>();
    final List<String> riskRecipients = new CopyOnWriteArrayList<>();
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    private volatile int interruptAfter = -1;

    void refuse(String userId, String error) {
        refusals.put(userId, error);
    }

    /** Interrupts the sending thread once this many prompts were sent, as stopping the bot does. */
    void interruptAfter(int sends) {
        interruptAfter = sends;
    }

    List<String> promptedUsers() {
        return prompts.stream().map(PromptDm::userId).toList();
    }

    @Override
    public Sent send(PromptDm prompt) {
        prompts.add(prompt);
        if (prompts.size() == interruptAfter) {
            Thread.currentThread().interrupt();
        }
        String error = refusals.get(prompt.userId());
        return error == null ? Sent.ok("D" + prompt.userId(), "1." + prompts.size()) : Sent.failed(error);
    }

    @Override
    public void update(String dmChannel, String dmTs, String outcome) {
        updates.add(outcome);
    }

    @Override
    public Optional<String> postLearning(String channelId, String userId, String text) {
        learnings.add(userId + ": " + text);
        return Optional.of("2." + learnings.size());
    }

    @Override
    public boolean sendRisk(String recipientId, String channelId, String userId, String text) {
        riskRecipients.add(recipientId);
        return true;
    }
}
