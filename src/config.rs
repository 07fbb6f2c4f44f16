//! `pledge.toml`, the tracker's optional configuration: extra triggers and actor names, and
//! settings such as the stale window of follow-ups.
