// Writes the starter course into course/, as `simnotes init course` does.
import org.simnotes.sitegen.init.StarterCourse

def course = new File(basedir, 'course')
course.deleteDir()
StarterCourse.write(course.toPath())
return new File(course, 'pom.xml').isFile()
