package trade.caravan.trades.room;

import org.springframework.ui.Model;

import trade.caravan.accounts.Actor;

/** Something a later stage of the trade shows in the trade room (the contract's signatures, ...). */
public interface RoomSection {

    /** Adds what this section's part of {@code trades/room} reads to the page's model. */
    void addTo(Actor actor, TradeView trade, Model model);
}
