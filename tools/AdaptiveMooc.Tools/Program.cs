Console.Error.WriteLine("usage: mooc <import|bench> ...");
return 2;
