namespace AdaptiveMooc.Grains.Abstractions.Forums;

[Alias("mooc.forum.moderation-action")]
public enum ModerationAction
{
    Pin = 0,
    Unpin = 1,
    Lock = 2,
    Unlock = 3,
    Hide = 4,
    Unhide = 5,
}
