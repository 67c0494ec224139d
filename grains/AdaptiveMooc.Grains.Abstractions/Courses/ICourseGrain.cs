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

    [Alias("Update")]
    Task<CommandResult> Update(CourseDefinition definition);

    /// <summary>Conflict when already published.</summary>
    [Alias("Publish")]
    Task<CommandResult> Publish();

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
