package trade.caravan.sourcing.negotiation;

import trade.caravan.shared.UserId;

/** Whether a person has a live page open right now (then they need no e-mail about what they see). */
public interface Presence {

    boolean isOnline(UserId user);
}
