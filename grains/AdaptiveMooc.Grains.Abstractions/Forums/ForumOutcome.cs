namespace AdaptiveMooc.Grains.Abstractions.Forums;

/// <summary>Why a forum command did or did not apply; the API maps each to a status code.</summary>
[Alias("mooc.forum.outcome")]
public enum ForumOutcome
{
    Ok = 0,
    NotFound = 1,
    AlreadyExists = 2,
    Locked = 3,
    AlreadyVoted = 4,
    AlreadyReported = 5,
    PostNotFound = 6,
    ReplyToNotFound = 7,
    NotAllowed = 8,
    NoChange = 9,
}
