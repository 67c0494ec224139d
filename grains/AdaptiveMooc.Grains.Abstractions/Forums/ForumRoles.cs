namespace AdaptiveMooc.Grains.Abstractions.Forums;

/// <summary>Roles of post authors, as shown beside a post.</summary>
public static class ForumRoles
{
    public const string Learner = "learner";
    public const string Trainer = "trainer";
    public const string Admin = "admin";

    /// <summary>The author shown for posts of a deleted account.</summary>
    public const string DeletedAuthor = "deleted-account";
}
