process.stdout.write("keystash\n");
