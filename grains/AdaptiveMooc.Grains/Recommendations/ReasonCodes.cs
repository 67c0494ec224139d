namespace AdaptiveMooc.Grains.Recommendations;

/// <summary>The reason codes recommendations carry; documented in docs/PLANNING.md.</summary>
internal static class ReasonCodes
{
    public const string PrerequisitesMet = "prerequisites-met";
    public const string WeakSkill = "weak-skill:";
    public const string ReviewDue = "review-due:";
    public const string DueSoon = "due-soon";
    public const string FitsNextWindow = "fits-next-window";
    public const string Popular = "popular";
    public const string CourseOrder = "course-order";
    public const string ColdStart = "cold-start";
}
