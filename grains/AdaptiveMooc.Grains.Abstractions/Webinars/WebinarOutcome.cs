namespace AdaptiveMooc.Grains.Abstractions.Webinars;

[Alias("mooc.webinar.outcome")]
public enum WebinarOutcome
{
    Ok = 0,
    NotFound = 1,
    AlreadyExists = 2,
    Full = 3,
    AlreadyRegistered = 4,
    NotRegistered = 5,
    Ended = 6,
    NotStarted = 7,
}
