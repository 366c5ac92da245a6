//! Impact analysis (filled in next).
