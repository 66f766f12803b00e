package io.continuity.playout;

/** How the playout ChannelManager turns an input file into segments. */
public enum EncodingMode {
    /** Every item is encoded with the transcode profile: exact cuts, the same stream format throughout. */
    TRANSCODE,
    /** Inputs already 8-bit 4:2:0 H.264 + AAC are remuxed without re-encoding (cuts on the input's keyframes); others are transcoded. */
    COPY
}
