//! followups
