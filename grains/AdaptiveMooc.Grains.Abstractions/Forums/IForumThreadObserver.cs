using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Forums;

/// <summary>A watcher of one thread (the API's server-sent-events connections).</summary>
[Alias("mooc.forum.IForumThreadObserver")]
public interface IForumThreadObserver : IGrainObserver
{
    [OneWay]
    [Alias("OnPost")]
    Task OnPostAsync(ForumPostView post);
}
