using AdaptiveMooc.Grains.Abstractions.Common;
using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Courses;

/// <summary>One course, keyed by its id.</summary>
[Alias("mooc.ICourseGrain")]
public interface ICourseGrain : IGrainWithStringKey
{
    /// <summary>Created (201) once; a second create answers Conflict. The definition's id must equal the key.</summary>
    [Alias("Create")]
    Task<CommandResult> Create(CourseDefinition definition, string ownerTrainerId);

    /// <summary>
    /// Before the first publication, replaces the definition. On a published course, publishes the next
    /// version at once (the published one stays as it was, kept under its number) and drops any draft.
    /// </summary>
    [Alias("Update")]
    Task<CommandResult> Update(CourseDefinition definition);

    /// <summary>
    /// Publishes: the first time, the definition (version 1); afterwards, the draft as the next version.
    /// Conflict when already published and no draft waits.
    /// </summary>
    [Alias("Publish")]
    Task<CommandResult> Publish();

    /// <summary>Saves the next version as a draft; learners keep the published one until <see cref="Publish"/>. Before the first publication it is <see cref="Update"/>.</summary>
    [Alias("SaveDraft")]
    Task<CommandResult> SaveDraft(CourseDefinition definition);

    /// <summary>The draft, or the current definition when no draft waits; null when the course does not exist.</summary>
    [ReadOnly]
    [Alias("GetDraft")]
    Task<CourseDefinition?> GetDraft();

    /// <summary>Drops the draft (Ok also when none waited).</summary>
    [Alias("DiscardDraft")]
    Task<CommandResult> DiscardDraft();

    /// <summary>
    /// Sets one lesson's Markdown body (docs/CONTENT.md, "Editing a body"): before the first publication in the definition;
    /// on a published course the edit is published at once as the next version (like <see cref="Update"/>), and a waiting
    /// draft gets the same body, so neither loses it. NotFound when neither the course nor its draft has the lesson.
    /// </summary>
    [Alias("SetLessonBody")]
    Task<CommandResult> SetLessonBody(string lessonId, string body);

    /// <summary>Only the owner may add co-trainers (checked at the API); at most <see cref="MaxCoTrainers"/>.</summary>
    [Alias("AddCoTrainer")]
    Task<CommandResult> AddCoTrainer(string trainerId);

    /// <summary>Null when the course does not exist.</summary>
    [ReadOnly]
    [Alias("Get")]
    Task<CourseSnapshot?> Get();

    /// <summary>The course's pricing only (null: no such course): what the statement path asks on every request, without the whole definition.</summary>
    [ReadOnly]
    [Alias("GetPricing")]
    Task<Pricing?> GetPricing();

    public const int MaxCoTrainers = 32;
}
