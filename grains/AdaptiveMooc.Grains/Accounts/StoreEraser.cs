namespace AdaptiveMooc.Grains.Accounts;

/// <summary>
/// <c>--memory</c>: the in-memory statement log keeps statements as sent and is lost with the process anyway;
/// deletion there erases grain state, mails and exports only.
/// </summary>
public sealed class StoreEraser : IPersonalDataEraser
{
    public Task EraseLearnerAsync(string learnerId, string name, string email, CancellationToken cancellationToken) => Task.CompletedTask;
}
