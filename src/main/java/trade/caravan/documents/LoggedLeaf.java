package trade.caravan.documents;

/** A leaf as the log holds it: its position, its stored bytes, and what they say. */
public record LoggedLeaf(long index, byte[] leafInput, LogLeaf leaf) {

    public LoggedLeaf {
        leafInput = leafInput.clone();
    }

    @Override
    public byte[] leafInput() {
        return leafInput.clone();
    }

    public byte[] leafHash() {
        return Merkle.leafHash(leafInput);
    }
}
