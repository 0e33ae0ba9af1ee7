using System.Runtime.InteropServices;

namespace GeneralizationProofs;

/// <summary>
/// Whether a path is a regular file. .NET has no public file-type query, and opening a FIFO to find out blocks until
/// a writer comes (issue 16: a FIFO in a policy folder hung the corpus run), so this asks stat() through the
/// runtime's own native shim, the library .NET itself uses for File.GetAttributes on Unix.
/// </summary>
public static class FileKind
{
    private const int TypeMask = 0xF000; // S_IFMT; the shim reports the type bits with POSIX values
    private const int Regular = 0x8000; // S_IFREG

    /// <summary>True for a regular file (following symbolic links); true as well where the type cannot be asked.</summary>
    public static bool IsRegular(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return !Directory.Exists(path);
        }
        // The shim's FileStatus begins {int Flags; int Mode; ...}; the buffer is larger than the whole struct.
        var status = new byte[512];
        try
        {
            if (Stat(path, status) != 0)
            {
                return File.Exists(path);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return true;
        }
        return (BitConverter.ToInt32(status, 4) & TypeMask) == Regular;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);
}
