namespace Schedly.Soak;

/// <summary>
/// Makes the pickup-folder email sender throw, for real: the folder is moved aside and a plain file takes its name, so
/// creating the folder or a message in it fails with an IOException; <see cref="Restore"/> puts the folder back. A
/// message being written at that instant leaves a hidden <c>.tmp</c> file behind (ignored by readers). The sender may
/// recreate the folder in the instant between two moves; its files are then merged into the real folder.
/// </summary>
public sealed class MailFolderFault(string folder)
{
    private readonly string _aside = folder.TrimEnd('/') + ".aside";
    private readonly string _blocker = folder.TrimEnd('/') + ".blocker";

    public bool Active { get; private set; }

    public void Break()
    {
        if (Active)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        Directory.Move(folder, _aside);
        MoveMergingStrays(() =>
        {
            File.WriteAllText(_blocker, "the soak harness put this file here to make the email sender fail");
            File.Move(_blocker, folder);
        });
        Active = true;
    }

    public void Restore()
    {
        if (!Active)
        {
            return;
        }

        File.Delete(folder);
        MoveMergingStrays(() => Directory.Move(_aside, folder));
        Active = false;
    }

    /// <summary>Runs a move onto the folder's name; if the sender recreated the folder meanwhile, merges it aside and retries.</summary>
    private void MoveMergingStrays(Action move)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                move();
                return;
            }
            catch (IOException) when (attempt < 20 && Directory.Exists(folder))
            {
                MergeInto(folder, _aside);
            }
        }
    }

    /// <summary>
    /// Moves what <paramref name="from"/> holds into <paramref name="to"/> and removes it; a file the sender moves in
    /// meanwhile is moved on the next pass, never deleted.
    /// </summary>
    private static void MergeInto(string from, string to)
    {
        while (true)
        {
            foreach (var file in Directory.EnumerateFiles(from))
            {
                File.Move(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
            }

            try
            {
                Directory.Delete(from, recursive: false);
                return;
            }
            catch (IOException) when (Directory.Exists(from) && Directory.EnumerateFileSystemEntries(from).Any())
            {
            }
        }
    }
}
