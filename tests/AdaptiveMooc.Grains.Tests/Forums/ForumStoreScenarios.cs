using AdaptiveMooc.Grains.Abstractions.Forums;

namespace AdaptiveMooc.Grains.Tests.Forums;

internal static class ForumStoreScenarios
{
    /// <summary>Follows <c>next</c> cursors to the end of a listing.</summary>
    public static async Task<List<ForumThreadView>> ReadAllAsync(Func<ForumThreadQuery, Task<ForumThreadPage>> list, ForumThreadQuery query)
    {
        var items = new List<ForumThreadView>();
        var current = query;
        for (var guard = 0; guard < 1000; guard++)
        {
            var page = await list(current);
            Assert.True(page.Items.Count <= query.Limit);
            items.AddRange(page.Items);
            if (page.Next is null)
            {
                return items;
            }

            current = current with { After = page.Next };
        }

        throw new InvalidOperationException("The listing never ended.");
    }
}
