namespace AdaptiveMooc.Grains.Accounts;

/// <summary>
/// What account deletion does to the platform's own tables outside grain state: the person's statements keep
/// their facts (so course figures do not move) but lose any name or address the sender put in them.
/// </summary>
public interface IPersonalDataEraser
{
    Task EraseLearnerAsync(string learnerId, string name, string email, CancellationToken cancellationToken);
}
