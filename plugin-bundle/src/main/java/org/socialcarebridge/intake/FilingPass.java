package org.socialcarebridge.intake;

/**
 * One filing pass's tally and its gate: how many groups run at once (never more than the pace
 * allows), and whether an outage stopped it. Shared by the pass's thread and the filing threads.
 */
final class FilingPass {
    private final int total;
    private int running;
    private int filed;
    private int dead;
    private String error;
    private boolean busy;

    FilingPass(int total) {
        this.total = total;
    }

    /**
     * Waits until the pace allows one more group; false when the pass stopped, the help desk answered busy
     * or asked for a pause, or the pass's thread is interrupted (the plugin stopping): then no more groups
     * start.
     */
    synchronized boolean admit(FilingPace pace) {
        while (error == null && !busy && running >= pace.current()) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop("The plugin is stopping"); // the groups under way end after their current message
                return false;
            }
        }
        if (error != null || busy || pace.resting()) {
            return false;
        }
        running++;
        return true;
    }

    synchronized void done() {
        running--;
        notifyAll();
    }

    synchronized void filed() {
        filed++;
    }

    synchronized void deadLettered() {
        dead++;
    }

    /** An outage: no message not started yet is filed in this pass. The first error is the one reported. */
    synchronized void stop(String why) {
        if (error == null) {
            error = why == null ? "the help desk or the store failed without saying why" : why;
        }
        notifyAll();
    }

    synchronized boolean stopped() {
        return error != null;
    }

    /**
     * The help desk answered busy: the groups under way go on (at the lower pace), no new one starts in
     * this pass, so a busy help desk is not asked once per waiting conversation.
     */
    synchronized void busy() {
        busy = true;
    }

    /** Whether a new group may start: no outage, no busy answer in this pass. */
    synchronized boolean open() {
        return error == null && !busy;
    }

    /** Waits for the groups started; an interruption is kept for the caller, the groups still finish. */
    synchronized void awaitAll() {
        boolean interrupted = false;
        while (running > 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Filed, dead-lettered, and waiting: every message of the pass not filed or dead-lettered still waits. */
    synchronized Intake.FilingReport report() {
        return new Intake.FilingReport(filed, dead, total - filed - dead, error);
    }
}
