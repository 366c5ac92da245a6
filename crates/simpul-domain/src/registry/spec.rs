//! Field specifications of each kind (filled in next).
