using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Courses;

/// <summary>
/// The course catalogue read model (key <see cref="Key"/>). Course grains push their summary on every
/// change; it holds one small row per course (not per learner), ordered by course id for paging.
/// </summary>
[Alias("mooc.ICourseCatalogueGrain")]
public interface ICourseCatalogueGrain : IGrainWithStringKey
{
    public const string Key = "catalogue";

    [Alias("Upsert")]
    Task Upsert(CourseSummary summary);

    [ReadOnly]
    [Alias("List")]
    Task<CataloguePage> List(CatalogueQuery query);
}
