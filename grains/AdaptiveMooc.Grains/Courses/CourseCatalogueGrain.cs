using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Courses;

namespace AdaptiveMooc.Grains.Courses;

/// <summary>
/// One small row per course. Courses are few next to learners and statements (thousands, not
/// millions), so a single in-memory index answers filters in microseconds; it is rebuilt from its
/// own persisted state on activation and course grains re-push their row on every change.
/// </summary>
[GrainType("course-catalogue")]
internal sealed class CourseCatalogueGrain(
    [PersistentState("catalogue", StorageNames.Default)] IPersistentState<CatalogueState> state) : Grain, ICourseCatalogueGrain
{
    private SortedList<string, CourseSummary>? sorted;

    public async Task Upsert(CourseSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        state.State.Courses[summary.Id] = summary;
        sorted = null;
        await state.WriteStateAsync();
    }

    public Task<CataloguePage> List(CatalogueQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        sorted ??= new SortedList<string, CourseSummary>(state.State.Courses, StringComparer.Ordinal);
        var start = 0;
        if (query.After is { } after)
        {
            // First key greater than the cursor, by binary search over the sorted keys.
            var keys = sorted.Keys;
            int lo = 0, hi = keys.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (string.CompareOrdinal(keys[mid], after) <= 0)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            start = lo;
        }

        var items = new List<CourseSummary>(Math.Min(query.Limit, 64));
        string? next = null;
        for (var i = start; i < sorted.Count; i++)
        {
            var course = sorted.Values[i];
            if (!Matches(course, query))
            {
                continue;
            }

            if (items.Count == query.Limit)
            {
                next = items[^1].Id;
                break;
            }

            items.Add(course);
        }

        return Task.FromResult(new CataloguePage(items, next));
    }

    private static bool Matches(CourseSummary course, CatalogueQuery query)
    {
        if (!course.Published && !query.IncludeAllUnpublished
            && (query.VisibleToTrainerId is not { } trainer || (course.OwnerTrainerId != trainer && !course.CoTrainerIds.Contains(trainer))))
        {
            return false;
        }

        if (query.Field is { } field && !string.Equals(course.Field, field, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (query.PricingKind is { } pricing && course.PricingKind != pricing)
        {
            return false;
        }

        return query.Text is not { } text
            || course.Title.Contains(text, StringComparison.OrdinalIgnoreCase)
            || (course.Description?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false)
            || course.Id.Contains(text, StringComparison.OrdinalIgnoreCase);
    }
}
