using System;
using System.IO;
using Mono.Unix.Native;

namespace Pipeline.Documents;

/// <summary>What a path is once links are followed.</summary>
public enum EntryKind { Missing, Regular, Directory, Fifo, Socket, Device, Other }

/// <summary>A file system object's identity: device and inode (two paths to one folder have the same).</summary>
public readonly record struct FileIdentity(ulong Device, ulong Inode);

/// <summary>What a path is (links followed): kind, identity and size. .NET reports a FIFO, a socket or a device as an
/// ordinary file (opening a FIFO then blocks for ever), so on Unix this asks <c>stat(2)</c> through Mono.Unix.</summary>
public readonly record struct FileProbe(EntryKind Kind, FileIdentity Identity, long Size, string? Error)
{
    public static FileProbe Of(string path)
    {
        if (OperatingSystem.IsWindows()) return OfPortable(path);
        if (Syscall.stat(path, out var st) != 0)
        {
            var errno = Stdlib.GetLastError();
            return new FileProbe(EntryKind.Missing, default, 0, errno switch
            {
                Errno.ENOENT => "does not exist (a broken link?)",
                Errno.ELOOP => "a loop of links",
                Errno.EACCES => "permission denied",
                _ => errno.ToString(),
            });
        }
        var kind = (st.st_mode & FilePermissions.S_IFMT) switch
        {
            FilePermissions.S_IFREG => EntryKind.Regular,
            FilePermissions.S_IFDIR => EntryKind.Directory,
            FilePermissions.S_IFIFO => EntryKind.Fifo,
            FilePermissions.S_IFSOCK => EntryKind.Socket,
            FilePermissions.S_IFCHR or FilePermissions.S_IFBLK => EntryKind.Device,
            _ => EntryKind.Other,
        };
        return new FileProbe(kind, new FileIdentity(st.st_dev, st.st_ino), st.st_size, null);
    }

    private static FileProbe OfPortable(string path)
    {
        var full = Path.GetFullPath(path);
        var id = new FileIdentity(0, (ulong)StringComparer.OrdinalIgnoreCase.GetHashCode(
            (Directory.Exists(full) ? new DirectoryInfo(full).ResolveLinkTarget(true)?.FullName : null) ?? full));
        if (Directory.Exists(full)) return new FileProbe(EntryKind.Directory, id, 0, null);
        if (File.Exists(full)) return new FileProbe(EntryKind.Regular, id, new FileInfo(full).Length, null);
        return new FileProbe(EntryKind.Missing, id, 0, "does not exist");
    }

    /// <summary>How the kind reads in a quarantine reason.</summary>
    public string KindName => Kind switch
    {
        EntryKind.Fifo => "a named pipe (FIFO)",
        EntryKind.Socket => "a socket",
        EntryKind.Device => "a device",
        EntryKind.Directory => "a folder",
        EntryKind.Regular => "a file",
        _ => "not a regular file",
    };
}
